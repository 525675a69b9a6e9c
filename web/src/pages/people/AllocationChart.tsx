/** Allocation per person, stacked by role, with a line at 100 %. */
import type { ModelView } from "../../api.ts";
import { Chart } from "../Chart.tsx";

export function AllocationChart({ people }: { people: ModelView["people"] }) {
  const over = people.filter((p) => p.allocation > 100);
  return (
    <div className="card">
      <Chart
        option={allocationOption(people)}
        label={`Allocation per person, stacked by role${over.length ? `; over 100 %: ${over.map((p) => `${p.name} ${Math.round(p.allocation)} %`).join(", ")}` : ""}`}
        height={Math.max(160, 48 + 28 * people.length)}
        testId="allocation-chart"
      />
    </div>
  );
}

function allocationOption(people: ModelView["people"]) {
  const roles = [
    ...new Set(people.flatMap((p) => p.roles.filter((r) => r.fromTitle === undefined).map((r) => r.role))),
  ];
  return {
    tooltip: { trigger: "axis" },
    legend: { type: "scroll", top: 0 },
    grid: { left: 120, right: 24, top: 36, bottom: 36 },
    xAxis: { type: "value", name: "% of full time", nameLocation: "middle", nameGap: 24 },
    yAxis: { type: "category", data: people.map((p) => p.name) },
    series: roles.map((role, i) => ({
      name: role,
      type: "bar",
      stack: "allocation",
      data: people.map((p) => p.roles.find((r) => r.role === role)?.allocation ?? 0),
      ...(i === 0
        ? {
            markLine: {
              symbol: "none",
              data: [{ xAxis: 100 }],
              lineStyle: { color: "#b3261e" },
              label: { formatter: "100 %" },
            },
          }
        : {}),
    })),
  };
}
