/**
 * People's time across teams: for everyone in two or more teams or over their capacity, a stacked
 * bar per person (a segment per team, the capacity marked) and the same figures as a table. An
 * allocation a team does not record is no segment and says "not recorded" — never 0 %.
 */
import { useMemo } from "react";
import { Chart } from "../../../pages/Chart.tsx";
import { ScrollRegion } from "../../../pages/ScrollRegion.tsx";
import type { ChartPerson, OrgChartData } from "./types.ts";

const percent = (n: number | null) => (n === null ? "not recorded" : `${n} %`);

export function AllocationChart({ chart }: { chart: OrgChartData }) {
  const shown = useMemo(() => chart.people.filter((p) => p.teams.length >= 2 || p.over), [chart]);
  const names = useMemo(() => new Map(chart.teams.map((t) => [t.id, t.name])), [chart]);
  return (
    <div className="card" data-testid="chart-allocation">
      <h2>Time across teams</h2>
      {shown.length === 0 ? (
        <p>Nobody is in two teams or over their capacity.</p>
      ) : (
        <>
          <AllocationBars people={shown} names={names} />
          <AllocationTable people={shown} names={names} />
        </>
      )}
    </div>
  );
}

function AllocationBars({ people, names }: { people: ChartPerson[]; names: Map<string, string> }) {
  const option = useMemo(() => {
    const teams = [...new Set(people.flatMap((p) => p.teams.map((m) => m.team)))];
    const label = (p: ChartPerson) => `${p.name}${p.recorded ? "" : " *"}`;
    return {
      grid: { left: 8, right: 24, top: 40, bottom: 32, containLabel: true },
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
      legend: { top: 0, type: "scroll" },
      xAxis: { type: "value", name: "% of full time", nameLocation: "middle", nameGap: 24 },
      yAxis: { type: "category", inverse: true, data: people.map(label) },
      series: teams.map((team, i) => ({
        name: names.get(team) ?? team,
        type: "bar",
        stack: "time",
        barMaxWidth: 22,
        data: people.map((p) => p.teams.find((m) => m.team === team)?.allocation ?? null),
        ...(i === 0
          ? {
              markLine: {
                symbol: "none",
                silent: true,
                data: [{ xAxis: 100, name: "full time" }],
                label: { formatter: "full time", position: "insideEndTop" },
              },
            }
          : {}),
      })),
    };
  }, [people, names]);
  const over = people.filter((p) => p.over).length;
  return (
    <>
      <Chart
        option={option}
        height={Math.max(160, 80 + people.length * 34)}
        testId="chart-allocation-bars"
        label={`Time across teams of ${people.length} people, ${over} over their capacity`}
      />
      {people.some((p) => !p.recorded) && (
        <p className="legend">
          * a team does not record this person's allocation: it is not counted (not 0 %).
        </p>
      )}
    </>
  );
}

function AllocationTable({ people, names }: { people: ChartPerson[]; names: Map<string, string> }) {
  return (
    <ScrollRegion label="Time across teams (table)">
      <table className="grid">
        <thead>
          <tr>
            <th>Person</th>
            <th>Teams</th>
            <th>Recorded in all</th>
          </tr>
        </thead>
        <tbody>
          {people.map((p) => (
            <tr key={p.key}>
              <th>{p.name}</th>
              <td>
                {p.teams.map((m) => `${names.get(m.team) ?? m.team} ${percent(m.allocation)}`).join(", ")}
              </td>
              <td className={p.over ? "poor" : ""}>
                {p.total} %{p.recorded ? "" : " (some not recorded)"}
                {p.over ? ` — over ${p.capacity} %` : ""}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
