/**
 * The RACI grid: click a cell (or focus it and type r, a, c, i, or Backspace) to change it; saved to
 * the YAML — or, on a synced team's read-only pages, proposed as a patch to download.
 */
import { useEffect, useState } from "react";
import type { RaciCellBodyT } from "../../../src/server/contract.ts";
import { focusParam, type PageProps } from "../page.ts";
import { ApiError, api, type Matrix } from "../api.ts";
import { Chart } from "./Chart.tsx";
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
  // On a synced model: the letters proposed per cell (shown until the page reloads; each patch
  // changes that one cell of the synced YAML).
  const [proposed, setProposed] = useState<Record<string, string>>({});
  const cellKey = (activity: string, product: string | undefined, column: string) =>
    `${activity}\u0000${product ?? ""}\u0000${column}`;
  const [showLoad, setShowLoad] = useState(false);
  if (error) return <div className="message error">{error}</div>;
  if (!data) return <p>Loading…</p>;
  const save = async (activity: string, product: string | undefined, column: string, letters: string) => {
    const body = {
      activity,
      ...(product ? { product } : {}),
      column,
      letters: letters as RaciCellBodyT["letters"],
    };
    const cell = `${activity} → ${column} = ${letters || "–"}`;
    if (model.snapshot) return propose(model.snapshot.team, body, cell, cellKey(activity, product, column));
    try {
      await api.setRaciCell(body, data.etag);
      setMessage({ kind: "info", text: `Saved: ${cell}` });
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
  // A synced model changes in git: the edit becomes a patch to download and send as a pull request.
  const propose = async (team: string, body: RaciCellBodyT, cell: string, key: string) => {
    try {
      const patch = await api.proposeRaciCell(team, body);
      setProposed((old) => ({ ...old, [key]: body.letters }));
      const link = document.createElement("a");
      link.href = URL.createObjectURL(new Blob([patch], { type: "text/x-diff" }));
      link.download = `${team}-raci.patch`;
      link.click();
      URL.revokeObjectURL(link.href);
      setMessage({
        kind: "info",
        text: `Proposed: ${cell}. ${team}-raci.patch is downloaded: apply it with \`git apply\` and open a pull request.`,
      });
    } catch (e) {
      setMessage({ kind: "error", text: `Not proposed: ${(e as Error).message}` });
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
          : model.snapshot
            ? "A synced model is read-only: click a cell to cycle – R A C I R/A – and download the change as a patch."
            : "Click a cell to cycle – R A C I R/A."}
      </p>
      <details onToggle={(e) => setShowLoad((e.target as HTMLDetailsElement).open)}>
        <summary>
          Load per {by === "role" ? "role" : "person"}: how many activities each is R, A, C or I for
        </summary>
        {showLoad && <LoadGrid matrix={data} />}
      </details>
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
                    const key = cellKey(row.activity, row.product, c.id);
                    const value = proposed[key] ?? row.cells[c.id] ?? "";
                    const set = (letters: string) =>
                      by === "role" && save(row.activity, row.product, c.id, letters);
                    return (
                      <td
                        key={c.id}
                        className={`cell ${value.replace("/", "")}${key in proposed ? " proposed" : ""}`}
                        title={
                          key in proposed ? `proposed (synced: ${row.cells[c.id] || "none"})` : undefined
                        }
                      >
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

/** The RACI as a heat grid of load: columns × letters, the number of activities in each cell. */
function LoadGrid({ matrix }: { matrix: Matrix }) {
  const letters = ["R", "A", "C", "I"];
  const counts = matrix.columns.map((c) =>
    letters.map((l) => matrix.rows.filter((r) => (r.cells[c.id] ?? "").split("/").includes(l)).length),
  );
  const data = counts.flatMap((row, x) => row.map((n, y) => [x, y, n]));
  const max = Math.max(1, ...data.map((d) => d[2] as number));
  const busiest = matrix.columns
    .map((c, i) => ({ name: c.name, total: (counts[i] ?? []).reduce((a, b) => a + b, 0) }))
    .sort((a, b) => b.total - a.total)
    .slice(0, 3);
  return (
    <Chart
      option={{
        tooltip: {},
        grid: { left: 40, right: 24, top: 16, bottom: 110 },
        xAxis: { type: "category", data: matrix.columns.map((c) => c.name), axisLabel: { rotate: 60 } },
        yAxis: { type: "category", data: letters },
        visualMap: {
          min: 0,
          max,
          calculable: false,
          orient: "horizontal",
          left: "center",
          bottom: 0,
          inRange: { color: ["#f4f6f8", "#3b7cc4"] },
        },
        series: [{ type: "heatmap", data, label: { show: matrix.columns.length <= 20 } }],
      }}
      height={360}
      testId="raci-load"
      label={`RACI load per column; busiest: ${busiest.map((b) => `${b.name} (${b.total} letters)`).join(", ")}`}
    />
  );
}
