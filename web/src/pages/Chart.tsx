/**
 * One ECharts chart (SVG renderer), with the accessible description ECharts writes from the data
 * and a label of our own. Every chart of the dashboard goes through here.
 */
import { BarChart, HeatmapChart, LineChart, RadarChart } from "echarts/charts";
import {
  AriaComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  RadarComponent,
  TooltipComponent,
  VisualMapComponent,
} from "echarts/components";
import * as echarts from "echarts/core";
import { SVGRenderer } from "echarts/renderers";
import { useEffect, useRef } from "react";

echarts.use([
  LineChart,
  BarChart,
  RadarChart,
  HeatmapChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  AriaComponent,
  MarkLineComponent,
  RadarComponent,
  VisualMapComponent,
  SVGRenderer,
]);

export interface ChartProps {
  option: Record<string, unknown>;
  /** What the chart shows, for people who cannot see it. */
  label: string;
  height?: number;
  testId?: string;
  onPick?: (index: number) => void;
}

export function Chart({ option, label, height = 320, testId, onPick }: ChartProps) {
  const element = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!element.current) return;
    const chart = echarts.init(element.current, undefined, { renderer: "svg" });
    chart.setOption({ animation: false, aria: { enabled: true, label: { description: label } }, ...option });
    if (onPick) chart.on("click", (event) => onPick(event.dataIndex));
    const resize = () => chart.resize();
    window.addEventListener("resize", resize);
    return () => {
      window.removeEventListener("resize", resize);
      chart.dispose();
    };
  }, [option, label, onPick]);
  return (
    <div
      ref={element}
      className="chart"
      style={{ height }}
      role="img"
      aria-label={label}
      data-testid={testId}
    />
  );
}
