/** History: the health score over the commits that changed the model; pick a point to see what it did. */
import type { PageProps } from "../page.ts";
import { CommitTable } from "./history/CommitTable.tsx";
import { CompareForm, useComparison } from "./history/CompareForm.tsx";
import { PickedCommit, usePickedDiff } from "./history/PickedCommit.tsx";
import { ScoreChart } from "./ScoreChart.tsx";
import { useApi } from "./useApi.ts";

export function History({ model }: PageProps) {
  const { data, error } = useApi("/api/history", {}, model.etag);
  const points = data?.points ?? [];
  const { picked, pick } = usePickedDiff(points);
  const comparison = useComparison();
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
      {shown && <PickedCommit shown={shown} picked={picked} />}
      <CompareForm points={points} comparison={comparison} />
      <CommitTable points={points} pick={pick} />
    </>
  );
}
