/** The team's health and errors over its synced commits. */
import { useMemo } from "react";
import type { OrgApiResponses } from "../../../../../src/server/org/contract.ts";
import { Chart } from "../../../pages/Chart.tsx";

type Point = OrgApiResponses["/api/org/teams/{id}/history"][number];

export function HistoryChart({ points }: { points: Point[] }) {
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
