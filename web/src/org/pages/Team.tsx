/**
 * One team as the organisation sees it: the last sync, its health over its synced commits, its
 * findings and people — and a way into its own pages, served read-only from the snapshot.
 */
import { useEffect } from "react";
import { useOrgApi } from "../useOrgApi.ts";
import { HistoryChart } from "./team/HistoryChart.tsx";
import {
  MessageList,
  TeamEvidence,
  TeamFindings,
  TeamPeople,
  TeamScores,
  TeamSource,
} from "./team/sections.tsx";

/** One team's page; `show: "findings"` (from the organisation chart) brings its findings into view. */
export function Team({ id, version, show }: { id: string; version: number; show?: string | undefined }) {
  const team = useOrgApi("/api/org/teams/{id}", { id }, {}, version);
  const history = useOrgApi("/api/org/teams/{id}/history", { id }, {}, version);
  const loaded = team.data !== undefined;
  useEffect(() => {
    if (show !== "findings" || !loaded) return;
    const findings = document.getElementById("team-findings");
    findings?.scrollIntoView({ block: "start" });
    findings?.focus({ preventScroll: true });
  }, [show, loaded]);
  if (team.error) return <div className="message error">{team.error}</div>;
  if (!team.data) return <p>Loading…</p>;
  const t = team.data;
  const snapshot = t.snapshot;
  return (
    <>
      <TeamSource team={t} />
      {t.error && (
        <div className="message error" data-testid="team-problem">
          The last sync: {t.error}
          {snapshot?.valid ? " — the pages show the last good snapshot." : ""}
        </div>
      )}
      {snapshot && snapshot.diagnostics.length > 0 && (
        <MessageList kind="error" items={snapshot.diagnostics} />
      )}
      {snapshot?.score !== undefined && <TeamScores score={snapshot.score} areas={snapshot.areas} />}
      {history.data && history.data.length > 0 && <HistoryChart points={history.data} />}
      {snapshot?.evidence && <TeamEvidence evidence={snapshot.evidence} />}
      {snapshot?.warnings && snapshot.warnings.length > 0 && (
        <MessageList kind="info" items={snapshot.warnings} />
      )}
      {snapshot && <TeamFindings findings={snapshot.findings} />}
      {snapshot && snapshot.people.length > 0 && <TeamPeople snapshot={snapshot} />}
    </>
  );
}
