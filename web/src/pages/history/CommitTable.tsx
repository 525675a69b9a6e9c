/** Every commit that changed the model, oldest first: its health and the findings it added or removed. */
import { ScrollRegion } from "../ScrollRegion.tsx";
import type { HistoryPoint } from "./PickedCommit.tsx";

export function CommitTable({ points, pick }: { points: HistoryPoint[]; pick: (index: number) => void }) {
  return (
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
  );
}

/** "risk/single-expert ×2, leadership/tech-lead". */
function summarise(ruleIds: string[]): string {
  const counts = new Map<string, number>();
  for (const id of ruleIds) counts.set(id, (counts.get(id) ?? 0) + 1);
  return [...counts].map(([id, n]) => (n > 1 ? `${id} ×${n}` : id)).join(", ");
}
