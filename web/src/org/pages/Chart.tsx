/**
 * The organisation chart: who reports to whom across teams (laid out on the server by ELK, drawn
 * here as SVG with real text and links), the executive sponsors on top, vacancies in their teams,
 * each team's box leading to its findings; people's time across teams; each team's skills.
 */
import { useOrgApi } from "../useOrgApi.ts";
import { AllocationChart } from "./chart/AllocationChart.tsx";
import { ChartDiagram } from "./chart/ChartDiagram.tsx";
import { TeamSkillsTable } from "./chart/TeamSkillsTable.tsx";
import type { OrgChartData } from "./chart/types.ts";

export function OrgChartPage({ version }: { version: number }) {
  const chart = useOrgApi("/api/org/chart", {}, {}, version);
  if (chart.error) return <div className="message error">{chart.error}</div>;
  if (!chart.data) return <p>Loading…</p>;
  if (chart.data.teams.length === 0)
    return (
      <div className="message info">
        No team has been synced yet: run <code>mlteam org sync</code>, or ask an admin to sync now.
      </div>
    );
  return (
    <>
      <ChartSummary chart={chart.data} />
      <ChartDiagram chart={chart.data} />
      <UnknownManagers chart={chart.data} />
      <AllocationChart chart={chart.data} />
      <TeamSkillsTable chart={chart.data} />
    </>
  );
}

function ChartSummary({ chart }: { chart: OrgChartData }) {
  const sponsors = chart.people.filter((p) => p.sponsor).map((p) => p.name);
  const open = chart.vacancies.length;
  return (
    <p data-testid="chart-summary">
      {chart.people.length} people in {chart.teams.length} teams
      {open > 0 ? `, ${open} ${open === 1 ? "vacancy" : "vacancies"}` : ""}. Executive sponsor:{" "}
      {sponsors.length ? sponsors.join(", ") : "nobody holds the executive-sponsor role"}. Arrows go from a
      manager to the people who report to them (<code>reportsTo</code>, across teams); dashed boxes are
      openings. A team's box leads to its findings, a person's to their teams.
    </p>
  );
}

/** People whose `reportsTo` names someone no team of the organisation has. */
function UnknownManagers({ chart }: { chart: OrgChartData }) {
  const lost = chart.people.filter((p) => p.unknownManagers.length > 0);
  if (lost.length === 0) return null;
  return (
    <div className="message info" data-testid="chart-unknown-managers">
      Reporting to someone in no team's model:{" "}
      {lost.map((p) => `${p.name} → ${p.unknownManagers.join(", ")}`).join("; ")}.
    </div>
  );
}
