/** The built-in catalog with the source of every entry. */
import { useState } from "react";
import type { PageProps } from "../page.ts";
import { ScrollRegion } from "./ScrollRegion.tsx";
import { useApi } from "./useApi.ts";

const KINDS = ["roles", "activities", "competencies", "topologies"] as const;

export function Catalog(_: PageProps) {
  const [kind, setKind] = useState<(typeof KINDS)[number]>("roles");
  const { data, error } = useApi("/api/catalog/{kind}", { params: { kind } }) as {
    data?: {
      id: string;
      name: string;
      source: string;
      focus?: string;
      description?: string;
      summary?: string;
    }[];
    error?: string;
  };
  return (
    <>
      <p>
        {KINDS.map((k) => (
          <button
            type="button"
            key={k}
            onClick={() => setKind(k)}
            disabled={k === kind}
            style={{ marginRight: "0.4rem" }}
          >
            {k}
          </button>
        ))}
      </p>
      {error && <div className="message error">{error}</div>}
      <ScrollRegion label="the catalog">
        <table className="grid">
          <tbody>
            {data?.map((e) => (
              <tr key={e.id}>
                <th>{e.name}</th>
                <td>{e.focus ?? e.description ?? e.summary ?? ""}</td>
                <td>{e.source}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </>
  );
}
