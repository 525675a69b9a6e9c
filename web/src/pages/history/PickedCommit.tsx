/** A commit picked on the chart or in the table: what it changed against the last valid commit before it. */
import { useCallback, useState } from "react";
import type { DiffViewT, HistoryViewT } from "../../../../src/server/contract.ts";
import { api } from "../../api.ts";

export type HistoryPoint = HistoryViewT["points"][number];

export interface Picked {
  index: number;
  diff?: DiffViewT;
  error?: string;
}

/** The picked point, and `pick`, which fetches its diff against the last valid point before it. */
export function usePickedDiff(points: HistoryPoint[]) {
  const [picked, setPicked] = useState<Picked | undefined>();
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
  return { picked, pick };
}

export function PickedCommit({ shown, picked }: { shown: HistoryPoint; picked: Picked | undefined }) {
  return (
    <div className="card" data-testid="history-diff">
      <h3>
        {shown.date.slice(0, 10)} {shown.commit.slice(0, 10)} by {shown.author}
      </h3>
      {picked?.error && <p className="message error">{picked.error}</p>}
      {picked?.diff ? (
        <>
          <p>
            Health {picked.diff.score.before} → {picked.diff.score.after}; {picked.diff.added.length} added,{" "}
            {picked.diff.resolved.length} resolved.
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
  );
}
