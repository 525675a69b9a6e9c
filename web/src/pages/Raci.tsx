/** The RACI grid: click a cell (or focus it and type r, a, c, i, or Backspace) to change it; saved to the YAML. */
import { useEffect, useState } from "react";
import type { RaciCellBodyT } from "../../../src/server/contract.ts";
import { focusParam, type PageProps } from "../App.tsx";
import { ApiError, api, type Matrix } from "../api.ts";
import { ScrollRegion } from "./ScrollRegion.tsx";
import { useApi } from "./useApi.ts";

const CYCLE = ["", "R", "A", "C", "I", "R/A"];

export function Raci({ model, reload }: PageProps) {
  const [by, setBy] = useState<"role" | "person">("role");
  const { data, error } = useApi("/api/raci", { query: { by } }, model.etag);
  const focus = focusParam();
  useEffect(() => {
    if (focus && data) document.getElementById(`activity-${focus}`)?.scrollIntoView({ block: "center" });
  }, [focus, data]);
  const [message, setMessage] = useState<{ kind: "error" | "info"; text: string } | undefined>();
  if (error) return <div className="message error">{error}</div>;
  if (!data) return <p>Loading…</p>;
  const save = async (activity: string, product: string | undefined, column: string, letters: string) => {
    try {
      await api.setRaciCell(
        { activity, ...(product ? { product } : {}), column, letters: letters as RaciCellBodyT["letters"] },
        data.etag,
      );
      setMessage({ kind: "info", text: `Saved: ${activity} → ${column} = ${letters || "–"}` });
      reload();
    } catch (e) {
      const text =
        e instanceof ApiError && e.status === 409
          ? `Not saved: ${e.message}. The page now shows the file as it is.`
          : `Not saved: ${(e as Error).message}`;
      setMessage({ kind: "error", text });
      reload();
    }
  };
  const problems = (row: Matrix["rows"][number]) => {
    const values = Object.values(row.cells);
    const accountable = values.filter((v) => v.includes("A")).length;
    const responsible = values.filter((v) => v.includes("R")).length;
    return accountable !== 1 || responsible === 0
      ? `${accountable} Accountable, ${responsible} Responsible`
      : "";
  };
  return (
    <>
      {message && (
        <div className={`message ${message.kind}`} role="status">
          {message.text}
        </div>
      )}
      <p>
        Columns:{" "}
        <select value={by} onChange={(e) => setBy(e.target.value as "role" | "person")} aria-label="columns">
          <option value="role">roles</option>
          <option value="person">people</option>
        </select>{" "}
        {by === "person"
          ? "(read-only by person: edit by role, or name a person in the YAML)"
          : "Click a cell to cycle – R A C I R/A."}
      </p>
      <ScrollRegion label="the RACI matrix">
        <table className="grid">
          <thead>
            <tr>
              <th>Activity</th>
              {data.columns.map((c) => (
                <th key={c.id}>{c.name}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data.rows.map((row) => {
              const problem = problems(row);
              return (
                <tr
                  key={`${row.activity}:${row.product ?? ""}`}
                  id={row.product ? undefined : `activity-${row.activity}`}
                  className={`${problem ? "problem" : ""}${focus === row.activity ? " focused" : ""}`}
                >
                  <th title={problem}>
                    {row.name}
                    {row.product ? ` [${row.product}]` : ""}
                    {problem ? " ⚠" : ""}
                  </th>
                  {data.columns.map((c) => {
                    const value = row.cells[c.id] ?? "";
                    const set = (letters: string) =>
                      by === "role" && save(row.activity, row.product, c.id, letters);
                    return (
                      <td key={c.id} className={`cell ${value.replace("/", "")}`}>
                        <button
                          type="button"
                          className="cellButton"
                          data-activity={row.activity}
                          data-column={c.id}
                          aria-label={`${row.name} × ${c.name}: ${value || "none"}`}
                          onClick={() => set(CYCLE[(CYCLE.indexOf(value) + 1) % CYCLE.length] ?? "")}
                          onKeyDown={(e) => {
                            const key = e.key.toUpperCase();
                            if (["R", "A", "C", "I"].includes(key)) set(key);
                            if (e.key === "Backspace" || e.key === "Delete") set("");
                          }}
                        >
                          {value || "–"}
                        </button>
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollRegion>
    </>
  );
}
