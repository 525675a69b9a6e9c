/** The health score and its areas over commits. */
import { useMemo } from "react";
import type { HistoryViewT } from "../../../src/server/contract.ts";
import { Chart } from "./Chart.tsx";

type Point = HistoryViewT["points"][number];

export function ScoreChart({ points, onPick }: { points: Point[]; onPick: (index: number) => void }) {
  const option = useMemo(() => {
    const labels = points.map((p) => `${p.date.slice(0, 10)} ${p.commit.slice(0, 7)}`);
    const areas = [...new Set(points.flatMap((p) => Object.keys(p.areas ?? {})))];
    return {
      tooltip: { trigger: "axis" },
      legend: { type: "scroll", top: 0 },
      grid: { left: 48, right: 16, top: 40, bottom: 48 },
      xAxis: { type: "category", data: labels, name: "commit", nameLocation: "middle", nameGap: 32 },
      yAxis: { type: "value", min: 0, max: 100, name: "health", nameLocation: "middle", nameGap: 36 },
      series: [
        {
          name: "Health",
          type: "line",
          data: points.map((p) => p.score ?? null),
          lineStyle: { width: 3 },
          symbolSize: 9,
        },
        ...areas.map((area) => ({
          name: area,
          type: "line",
          data: points.map((p) => p.areas?.[area] ?? null),
          lineStyle: { width: 1 },
          symbolSize: 4,
          emphasis: { focus: "series" },
        })),
      ],
    };
  }, [points]);
  return (
    <Chart
      option={option}
      onPick={onPick}
      height={360}
      testId="history-chart"
      label={`Health over ${points.length} commits, from ${points[0]?.score ?? "invalid"} to ${points.at(-1)?.score ?? "invalid"}`}
    />
  );
}
