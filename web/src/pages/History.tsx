/** History: the health score over the commits that changed the model; pick a point to see what it did. */
import { useCallback, useState } from "react";
import type { DiffViewT } from "../../../src/server/contract.ts";
import type { PageProps } from "../App.tsx";
import { api } from "../api.ts";
import { ScoreChart } from "./ScoreChart.tsx";
import { ScrollRegion } from "./ScrollRegion.tsx";
import { useApi } from "./useApi.ts";

export function History({ model }: PageProps) {
  const { data, error } = useApi("/api/history", {}, model.etag);
  const [picked, setPicked] = useState<{ index: number; diff?: DiffViewT; error?: string } | undefined>();
  const [compare, setCompare] = useState<{ base: string; head: string }>({ base: "", head: "" });
  const [compared, setCompared] = useState<{ diff?: DiffViewT; error?: string } | undefined>();
  const points = data?.points ?? [];
  const pick = useCallback(
    (index: number) => {
      const head = points[index];
      const base = points
        .slice(0, index)
        .reverse()
        .find((p) => p.valid);
      if (!head || !base) {
        setPicked({ index });
        return;
      }
      setPicked({ index });
      api.get("/api/diff", { query: { base: base.commit, head: head.commit } }).then(
        (diff) => setPicked({ index, diff }),
        (e: Error) => setPicked({ index, error: e.message }),
      );
    },
    [points],
  );
  if (error) return <div className="message error">{error}</div>;
  if (!data) return <p>Loading…</p>;
  if (points.length === 0) return <p>No commit has changed the model yet.</p>;
  const shown = picked ? points[picked.index] : undefined;
  return (
    <>
      <h2>Health over time</h2>
      <div className="card">
        <ScoreChart points={points} onPick={pick} />
      </div>
      {shown && (
        <div className="card" data-testid="history-diff">
          <h3>
            {shown.date.slice(0, 10)} {shown.commit.slice(0, 10)} by {shown.author}
          </h3>
          {picked?.error && <p className="message error">{picked.error}</p>}
          {picked?.diff ? (
            <>
              <p>
                Health {picked.diff.score.before} → {picked.diff.score.after}; {picked.diff.added.length}{" "}
                added, {picked.diff.resolved.length} resolved.
              </p>
              <ul>
                {picked.diff.added.map((f) => (
                  <li key={`+${f.ruleId}${f.message}`}>+ {f.message}</li>
                ))}
                {picked.diff.resolved.map((f) => (
                  <li key={`-${f.ruleId}${f.message}`}>− {f.message}</li>
                ))}
              </ul>
            </>
          ) : (
            !picked?.error && (
              <p>{shown.valid ? "Loading the comparison…" : "The model did not validate at this commit."}</p>
            )
          )}
        </div>
      )}
      <form
        className="card"
        aria-label="compare two versions"
        onSubmit={(e) => {
          e.preventDefault();
          setCompared({});
          api
            .get("/api/diff", {
              query: { base: compare.base, ...(compare.head ? { head: compare.head } : {}) },
            })
            .then(
              (diff) => setCompared({ diff }),
              (error: Error) => setCompared({ error: error.message }),
            );
        }}
      >
        <h2>Compare</h2>
        <datalist id="commits">
          {points.map((p) => (
            <option key={p.commit} value={p.commit.slice(0, 10)}>
              {p.date.slice(0, 10)}
            </option>
          ))}
        </datalist>
        <label>
          from{" "}
          <input
            list="commits"
            required
            placeholder="main, a commit…"
            value={compare.base}
            onChange={(e) => setCompare({ ...compare, base: e.target.value })}
          />
        </label>{" "}
        <label>
          to{" "}
          <input
            list="commits"
            placeholder="the working copy"
            value={compare.head}
            onChange={(e) => setCompare({ ...compare, head: e.target.value })}
          />
        </label>{" "}
        <button type="submit">Compare</button>
        {compared?.error && <p className="message error">{compared.error}</p>}
        {compared?.diff && (
          <div data-testid="compare-result">
            <p>
              {compared.diff.base} → {compared.diff.head}: health {compared.diff.score.before} →{" "}
              {compared.diff.score.after}; {compared.diff.added.length} added, {compared.diff.resolved.length}{" "}
              resolved, {compared.diff.raci.length} RACI cells and {compared.diff.people.length} people
              changed.
            </p>
            <ul>
              {compared.diff.added.map((f) => (
                <li key={`+${f.ruleId}${f.message}`}>+ {f.message}</li>
              ))}
              {compared.diff.resolved.map((f) => (
                <li key={`-${f.ruleId}${f.message}`}>− {f.message}</li>
              ))}
              {compared.diff.raci.map((c) => (
                <li key={`r${c.activity}${c.product ?? ""}${c.column}`}>
                  {c.activity} × {c.column}: {c.before || "–"} → {c.after || "–"}
                </li>
              ))}
            </ul>
          </div>
        )}
      </form>
      <ScrollRegion label="every commit">
        <table className="grid">
          <caption>Every commit that changed the model (oldest first)</caption>
          <thead>
            <tr>
              <th scope="col">date</th>
              <th scope="col">commit</th>
              <th scope="col">health</th>
              <th scope="col">errors / warnings / info</th>
              <th scope="col">appeared</th>
              <th scope="col">disappeared</th>
            </tr>
          </thead>
          <tbody>
            {points.map((p, i) => (
              <tr key={p.commit}>
                <td>{p.date.slice(0, 10)}</td>
                <td>
                  <button type="button" className="link" onClick={() => pick(i)}>
                    {p.commit.slice(0, 10)}
                  </button>
                </td>
                <td>{p.score ?? "invalid"}</td>
                <td>{p.valid ? `${p.counts.error} / ${p.counts.warn} / ${p.counts.info}` : "—"}</td>
                <td>{i === 0 ? `first version: ${p.appeared.length} findings` : summarise(p.appeared)}</td>
                <td>{summarise(p.disappeared)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </>
  );
}

/** "risk/single-expert ×2, leadership/tech-lead". */
function summarise(ruleIds: string[]): string {
  const counts = new Map<string, number>();
  for (const id of ruleIds) counts.set(id, (counts.get(id) ?? 0) + 1);
  return [...counts].map(([id, n]) => (n > 1 ? `${id} ×${n}` : id)).join(", ");
}
