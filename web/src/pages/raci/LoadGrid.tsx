import type { Matrix } from "../../api.ts";
import { Chart } from "../Chart.tsx";

/** The RACI as a heat grid of load: columns × letters, the number of activities in each cell. */
export function LoadGrid({ matrix }: { matrix: Matrix }) {
  const letters = ["R", "A", "C", "I"];
  const counts = matrix.columns.map((c) =>
    letters.map((l) => matrix.rows.filter((r) => (r.cells[c.id] ?? "").split("/").includes(l)).length),
  );
  const data = counts.flatMap((row, x) => row.map((n, y) => [x, y, n]));
  const max = Math.max(1, ...data.map((d) => d[2] as number));
  const busiest = matrix.columns
    .map((c, i) => ({ name: c.name, total: (counts[i] ?? []).reduce((a, b) => a + b, 0) }))
    .sort((a, b) => b.total - a.total)
    .slice(0, 3);
  return (
    <Chart
      option={{
        tooltip: {},
        grid: { left: 40, right: 24, top: 16, bottom: 110 },
        xAxis: { type: "category", data: matrix.columns.map((c) => c.name), axisLabel: { rotate: 60 } },
        yAxis: { type: "category", data: letters },
        visualMap: {
          min: 0,
          max,
          calculable: false,
          orient: "horizontal",
          left: "center",
          bottom: 0,
          inRange: { color: ["#f4f6f8", "#3b7cc4"] },
        },
        series: [{ type: "heatmap", data, label: { show: matrix.columns.length <= 20 } }],
      }}
      height={360}
      testId="raci-load"
      label={`RACI load per column; busiest: ${busiest.map((b) => `${b.name} (${b.total} letters)`).join(", ")}`}
    />
  );
}
