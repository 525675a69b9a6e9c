/** Skills heatmap: people × competencies; a cell below what the person's roles need is outlined. */
import type { PageProps } from "../App.tsx";
import { ScrollRegion } from "./ScrollRegion.tsx";
import { useApi } from "./useApi.ts";

interface Role {
  id: string;
  competencies: Record<string, number>;
}
interface Competency {
  id: string;
  name: string;
}

export function Skills({ model }: PageProps) {
  const roles = useApi("/api/catalog/{kind}", { params: { kind: "roles" } }) as unknown as {
    data?: Role[];
    error?: string;
  };
  const competencies = useApi("/api/catalog/{kind}", { params: { kind: "competencies" } }) as {
    data?: Competency[];
    error?: string;
  };
  if (!roles.data || !competencies.data) return <p>{roles.error ?? competencies.error ?? "Loading…"}</p>;
  const need = (person: ModelPerson, competency: string) =>
    Math.max(
      0,
      ...person.roles.map((r) => roles.data?.find((x) => x.id === r.role)?.competencies[competency] ?? 0),
    );
  return (
    <>
      <p className="legend">
        Levels 0–4; <span className="gap">outlined</span>: below what the person's roles need;{" "}
        <span className="unknown needed">?</span>: not recorded (unknown, not zero).
      </p>
      <ScrollRegion label="the skills matrix">
        <table className="grid">
          <thead>
            <tr>
              <th>Person</th>
              {competencies.data.map((c) => (
                <th key={c.id}>{c.name}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {model.people.map((p) => (
              <tr key={p.id}>
                <th>{p.name}</th>
                {competencies.data?.map((c) => {
                  const recorded = p.skills[c.id];
                  const required = need(p, c.id);
                  if (recorded === undefined) {
                    // Not assessed is not zero: an unrecorded level is shown as unknown, never as a gap.
                    return (
                      <td
                        key={c.id}
                        className={`unknown${required ? " needed" : ""}`}
                        title={required ? `not recorded; the role needs ${required}` : "not recorded"}
                      >
                        {required ? "?" : ""}
                      </td>
                    );
                  }
                  return (
                    <td
                      key={c.id}
                      className={`heat${recorded}${recorded < required ? " gap" : ""}`}
                      title={required ? `needs ${required}` : ""}
                    >
                      {recorded}
                      {recorded < required ? `/${required}` : ""}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </>
  );
}

type ModelPerson = PageProps["model"]["people"][number];
