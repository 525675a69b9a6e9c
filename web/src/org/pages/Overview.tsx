/** The organisation at a glance: how the teams score, what only shows across teams, every team ranked by risk. */
import { useMemo } from "react";
import type { OrgApiResponses } from "../../../../src/server/org/contract.ts";
import { Chart } from "../../pages/Chart.tsx";
import { ScrollRegion } from "../../pages/ScrollRegion.tsx";
import { tone } from "../../pages/useApi.ts";
import { useOrgApi } from "../useOrgApi.ts";

type Team = OrgApiResponses["/api/org/teams"][number];
type Finding = OrgApiResponses["/api/org/findings"][number];

export function Overview({ version }: { version: number }) {
  const teams = useOrgApi("/api/org/teams", {}, {}, version);
  const findings = useOrgApi("/api/org/findings", {}, {}, version);
  if (teams.error) return <div className="message error">{teams.error}</div>;
  if (!teams.data) return <p>Loading…</p>;
  if (teams.data.length === 0)
    return (
      <div className="message info">
        No team has been synced yet: run <code>mlteam org sync</code>, or ask an admin to sync now.
      </div>
    );
  return (
    <>
      <Summary teams={teams.data} />
      <Distribution teams={teams.data} />
      <Findings
        findings={findings.data}
        error={findings.error}
        names={new Map(teams.data.map((t) => [t.id, t.name]))}
      />
      <Ranking teams={teams.data} />
    </>
  );
}

function Summary({ teams }: { teams: Team[] }) {
  const scores = teams.flatMap((t) => (t.score === null ? [] : [t.score])).sort((a, b) => a - b);
  const middle = scores.length / 2;
  const median =
    scores.length === 0
      ? undefined
      : scores.length % 2 === 1
        ? scores[Math.floor(middle)]
        : Math.round((((scores[middle - 1] ?? 0) + (scores[middle] ?? 0)) / 2) * 10) / 10;
  const broken = teams.filter((t) => !t.valid || t.error).length;
  const withErrors = teams.filter((t) => t.counts.error > 0).length;
  return (
    <div className="scores" data-testid="org-summary">
      <div className="score">
        Teams <b>{teams.length}</b>
      </div>
      <div className="score">
        Median health <b className={median === undefined ? "" : tone(median)}>{median ?? "–"}</b>
      </div>
      <div className="score">
        With errors <b className={withErrors ? "poor" : "good"}>{withErrors}</b>
      </div>
      <div className="score">
        Not synced or invalid <b className={broken ? "poor" : "good"}>{broken}</b>
      </div>
    </div>
  );
}

/** How many teams score in each band of ten. */
function Distribution({ teams }: { teams: Team[] }) {
  const option = useMemo(() => {
    const bands = Array.from({ length: 10 }, (_, i) => (i === 9 ? "90–100" : `${i * 10}–${i * 10 + 9}`));
    const counts = new Array<number>(10).fill(0);
    for (const t of teams)
      if (t.score !== null) {
        const band = Math.min(9, Math.floor(t.score / 10));
        counts[band] = (counts[band] ?? 0) + 1;
      }
    return {
      grid: { left: 48, right: 16, top: 16, bottom: 48 },
      tooltip: { trigger: "axis" },
      xAxis: { type: "category", data: bands, name: "health", nameLocation: "middle", nameGap: 32 },
      yAxis: { type: "value", minInterval: 1, name: "teams", nameLocation: "middle", nameGap: 32 },
      series: [{ type: "bar", data: counts, name: "Teams" }],
    };
  }, [teams]);
  const scored = teams.filter((t) => t.score !== null).length;
  return (
    <div className="card">
      <h3>Score distribution</h3>
      <Chart
        option={option}
        height={220}
        testId="org-distribution"
        label={`Health of ${scored} teams, in bands of ten`}
      />
    </div>
  );
}

const HEADING = { error: "Errors", warn: "Warnings", info: "Notes" } as const;

function Findings({
  findings,
  error,
  names,
}: {
  findings: Finding[] | undefined;
  error: string | undefined;
  names: ReadonlyMap<string, string>;
}) {
  if (error) return <div className="message error">{error}</div>;
  if (!findings) return <p>Loading…</p>;
  if (findings.length === 0)
    return (
      <div className="card">
        Nothing shows across teams: no one over-allocated, no shared single point of failure.
      </div>
    );
  return (
    <div className="card" data-testid="org-findings">
      <h3>Across teams ({findings.length})</h3>
      {(["error", "warn", "info"] as const).map((level) => {
        const shown = findings.filter((f) => f.severity === level);
        if (shown.length === 0) return null;
        return (
          <section key={level}>
            <h4>
              {HEADING[level]} ({shown.length})
            </h4>
            {shown.map((f) => (
              <div className={`finding ${f.severity}`} key={`${f.kind}:${f.message}`}>
                <strong>{f.kind}</strong> {f.message}
                <small>
                  {f.teams.map((t, i) => (
                    <span key={t}>
                      {i > 0 ? ", " : ""}
                      <a href={`#/team/${encodeURIComponent(t)}`}>{names.get(t) ?? t}</a>
                    </span>
                  ))}
                  {f.person && (
                    <>
                      {" "}
                      · <a href={`#/people?q=${encodeURIComponent(f.person)}`}>{f.person}</a>
                    </>
                  )}
                </small>
              </div>
            ))}
          </section>
        );
      })}
    </div>
  );
}

function Ranking({ teams }: { teams: Team[] }) {
  return (
    <div className="card">
      <h3>Teams, most at risk first</h3>
      <ScrollRegion label="the teams">
        <table className="grid" data-testid="org-teams">
          <thead>
            <tr>
              <th>Team</th>
              <th>Health</th>
              <th>Errors</th>
              <th>Warnings</th>
              <th>Notes</th>
              <th>Model changed</th>
              <th>Synced</th>
              <th>Problem</th>
            </tr>
          </thead>
          <tbody>
            {teams.map((t) => (
              <tr key={t.id}>
                <th>
                  <a href={`#/team/${encodeURIComponent(t.id)}`}>{t.name}</a>
                </th>
                <td className={t.score === null ? "" : tone(t.score)}>{t.score ?? "–"}</td>
                <td>{t.counts.error}</td>
                <td>{t.counts.warn}</td>
                <td>{t.counts.info}</td>
                <td>{t.committedAt?.slice(0, 10) ?? "–"}</td>
                <td>{t.syncedAt?.slice(0, 16).replace("T", " ") ?? "never"}</td>
                <td>{t.error ?? (t.valid ? "" : "not synced")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </div>
  );
}
