/** Skills rolled up per team: for each competency, how many of a team's people are at level 3 or more (and 2 or more). */
import { ScrollRegion } from "../../../pages/ScrollRegion.tsx";
import type { OrgChartData } from "./types.ts";

export function TeamSkillsTable({ chart }: { chart: OrgChartData }) {
  const teams = chart.skills.filter((s) => s.competencies.length > 0);
  const names = new Map(chart.teams.map((t) => [t.id, t.name]));
  const competencies = new Map<string, string>();
  for (const s of teams) for (const c of s.competencies) competencies.set(c.id, c.name);
  const rows = [...competencies].sort((a, b) => a[1].localeCompare(b[1]));
  return (
    <div className="card" data-testid="chart-skills">
      <h2>Skills per team</h2>
      {teams.length === 0 ? (
        <p>No team records skills.</p>
      ) : (
        <>
          <p className="legend">
            Each cell: people at level 3 (working) or more, then at level 2 or more in brackets; empty: nobody
            records it.
          </p>
          <ScrollRegion label="Skills per team (scrolls sideways)">
            <table className="grid">
              <thead>
                <tr>
                  <th scope="col">Competency</th>
                  {teams.map((s) => (
                    <th scope="col" key={s.team}>
                      {names.get(s.team) ?? s.team}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map(([id, name]) => (
                  <tr key={id}>
                    <th scope="row">{name}</th>
                    {teams.map((s) => {
                      const c = s.competencies.find((x) => x.id === id);
                      return <td key={s.team}>{c ? `${c.atLeast3} (${c.atLeast2})` : ""}</td>;
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        </>
      )}
    </div>
  );
}
