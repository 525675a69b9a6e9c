/** The health score and its areas over commits, drawn with ECharts (SVG), with a text alternative. */
import { LineChart } from "echarts/charts";
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { SVGRenderer } from "echarts/renderers";
import { useEffect, useRef } from "react";
import type { HistoryViewT } from "../../../src/server/contract.ts";

echarts.use([LineChart, GridComponent, TooltipComponent, LegendComponent, AriaComponent, SVGRenderer]);

type Point = HistoryViewT["points"][number];

export function ScoreChart({ points, onPick }: { points: Point[]; onPick: (index: number) => void }) {
  const element = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!element.current) return;
    const chart = echarts.init(element.current, undefined, { renderer: "svg" });
    const labels = points.map((p) => `${p.date.slice(0, 10)} ${p.commit.slice(0, 7)}`);
    const areas = [...new Set(points.flatMap((p) => Object.keys(p.areas ?? {})))];
    chart.setOption({
      animation: false,
      aria: { enabled: true, decal: { show: false } },
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
          connectNulls: false,
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
    });
    chart.on("click", (event) => onPick(event.dataIndex));
    const resize = () => chart.resize();
    window.addEventListener("resize", resize);
    return () => {
      window.removeEventListener("resize", resize);
      chart.dispose();
    };
  }, [points, onPick]);
  return (
    <div
      ref={element}
      className="chart"
      role="img"
      aria-label={`Health over ${points.length} commits, from ${points[0]?.score ?? "invalid"} to ${points.at(-1)?.score ?? "invalid"}`}
      data-testid="history-chart"
    />
  );
}
