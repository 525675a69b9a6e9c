/**
 * One team as the organisation sees it: the last sync, its health over its synced commits, its
 * findings and people — and a way into its own pages, served read-only from the snapshot.
 */
import { useMemo } from "react";
import type { OrgApiResponses } from "../../../../src/server/org/contract.ts";
import { Chart } from "../../pages/Chart.tsx";
import { FindingNote } from "../../pages/FindingNote.tsx";
import { tone } from "../../pages/useApi.ts";
import { useOrgApi } from "../useOrgApi.ts";

type Point = OrgApiResponses["/api/org/teams/{id}/history"][number];

export function Team({ id, version }: { id: string; version: number }) {
  const team = useOrgApi("/api/org/teams/{id}", { id }, {}, version);
  const history = useOrgApi("/api/org/teams/{id}/history", { id }, {}, version);
  if (team.error) return <div className="message error">{team.error}</div>;
  if (!team.data) return <p>Loading…</p>;
  const t = team.data;
  const snapshot = t.snapshot;
  return (
    <>
      <p>
        {t.name !== t.id && <strong>{t.name}. </strong>}
        From <code>{t.repo}</code>, <code>{t.model}</code> on <code>{t.branch}</code>
        {t.commit && (
          <>
            {" "}
            at <code>{t.commit.slice(0, 10)}</code> ({t.committedAt?.slice(0, 10)})
          </>
        )}
        . {t.pages && <a href={`teams/${encodeURIComponent(t.id)}/`}>Open the team's pages (read-only)</a>}
      </p>
      {t.error && (
        <div className="message error" data-testid="team-problem">
          The last sync: {t.error}
          {snapshot?.valid ? " — the pages show the last good snapshot." : ""}
        </div>
      )}
      {snapshot && snapshot.diagnostics.length > 0 && (
        <div className="message error">
          <ul>
            {snapshot.diagnostics.map((d) => (
              <li key={d}>{d}</li>
            ))}
          </ul>
        </div>
      )}
      {snapshot?.score !== undefined && (
        <div className="scores">
          <div className="score">
            Health <b className={tone(snapshot.score)}>{snapshot.score}</b>
          </div>
          {Object.entries(snapshot.areas ?? {}).map(([area, value]) => (
            <div className="score" key={area}>
              {area} <b className={tone(value)}>{value}</b>
            </div>
          ))}
        </div>
      )}
      {history.data && history.data.length > 0 && <HistoryChart points={history.data} />}
      {snapshot?.evidence && (
        <div className="card" data-testid="team-evidence">
          <h3>Git evidence at this commit</h3>
          <p>
            {snapshot.evidence.commits} commits, {snapshot.evidence.files} files: truck factor{" "}
            <b>{snapshot.evidence.truckFactor}</b>
            {snapshot.evidence.truckFactorAuthors.length > 0 &&
              ` (${snapshot.evidence.truckFactorAuthors.join(", ")})`}
            , {snapshot.evidence.truckFactorActive} counting only active people.{" "}
            {snapshot.evidence.unclassified} files match no activity; {snapshot.evidence.unmatched} git
            identities match no person of the model.
          </p>
        </div>
      )}
      {snapshot?.warnings && snapshot.warnings.length > 0 && (
        <div className="message info">
          <ul>
            {snapshot.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </div>
      )}
      {snapshot && (
        <div className="card" data-testid="team-findings">
          <h3>Findings ({snapshot.findings.length})</h3>
          {snapshot.findings.map((f) => (
            <FindingNote finding={f} key={`${f.ruleId}:${f.subject ?? ""}:${f.message}`} />
          ))}
        </div>
      )}
      {snapshot && snapshot.people.length > 0 && (
        <div className="card">
          <h3>People ({snapshot.people.length})</h3>
          <table className="grid">
            <thead>
              <tr>
                <th>Person</th>
                <th>Allocated here</th>
                <th>Capacity</th>
                <th>Single point of failure</th>
              </tr>
            </thead>
            <tbody>
              {snapshot.people.map((p) => (
                <tr key={p.id}>
                  <th>
                    <a href={`#/people?q=${encodeURIComponent(p.name)}`}>{p.name}</a>
                  </th>
                  <td title={p.allocation === 0 ? "no allocation recorded in the model" : undefined}>
                    {p.allocation === 0 ? "not recorded" : `${p.allocation}%`}
                  </td>
                  <td>{p.capacity}%</td>
                  <td>{snapshot.singlePointsOfFailure.includes(p.id) ? "yes" : ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

function HistoryChart({ points }: { points: Point[] }) {
  const option = useMemo(
    () => ({
      tooltip: { trigger: "axis" },
      grid: { left: 48, right: 48, top: 32, bottom: 48 },
      xAxis: {
        type: "category",
        data: points.map((p) => `${p.committedAt.slice(0, 10)} ${p.commit.slice(0, 7)}`),
        name: "synced commit",
        nameLocation: "middle",
        nameGap: 32,
      },
      legend: { top: 0 },
      yAxis: [
        { type: "value", min: 0, max: 100, name: "health", nameLocation: "middle", nameGap: 36 },
        { type: "value", minInterval: 1, name: "errors", nameLocation: "middle", nameGap: 28 },
      ],
      series: [
        {
          name: "Health",
          type: "line",
          data: points.map((p) => p.score),
          symbolSize: 9,
          lineStyle: { width: 3 },
        },
        {
          name: "Errors",
          type: "bar",
          yAxisIndex: 1,
          barMaxWidth: 24,
          itemStyle: { opacity: 0.45 },
          data: points.map((p) => p.counts.error),
        },
      ],
    }),
    [points],
  );
  const first = points[0]?.score ?? "invalid";
  const last = points.at(-1)?.score ?? "invalid";
  return (
    <div className="card">
      <h3>
        History ({points.length} synced {points.length === 1 ? "commit" : "commits"})
      </h3>
      <Chart
        option={option}
        height={260}
        testId="team-history"
        label={`Health over ${points.length} synced commits, from ${first} to ${last}`}
      />
    </div>
  );
}
