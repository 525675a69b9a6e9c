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
