/** The health score: what coverage it lacks, a tile per area, and the areas as bars. */
import type { Score } from "../../api.ts";
import { Chart } from "../Chart.tsx";
import { tone } from "../useApi.ts";

export function Scores({ score }: { score: Score }) {
  return (
    <>
      {score.coverage.missing.length > 0 && (
        <p className="legend">
          Coverage {score.coverage.overall} % — not recorded, so counted against the score:{" "}
          {score.coverage.missing.join("; ")}.
        </p>
      )}
      <div className="scores">
        <div className="score" data-testid="overall">
          Health <b className={tone(score.overall)}>{score.overall}</b>
        </div>
        {Object.entries(score.areas).map(([area, value]) => (
          <div className="score" key={area}>
            {area} <b className={tone(value)}>{value}</b>
          </div>
        ))}
      </div>
      <div className="card">
        <Chart
          option={areaOption(score.areas)}
          label={`Health per area: ${Object.entries(score.areas)
            .map(([a, v]) => `${a} ${v}`)
            .join(", ")}`}
          height={240}
          testId="areas-chart"
        />
      </div>
    </>
  );
}

/** The areas as horizontal bars, 0–100, coloured as the tiles are. */
function areaOption(areas: Record<string, number>) {
  const entries = Object.entries(areas).reverse();
  const colour = (v: number) => (v >= 80 ? "#237a3b" : v >= 50 ? "#a06700" : "#b3261e");
  return {
    grid: { left: 90, right: 24, top: 8, bottom: 32 },
    xAxis: { type: "value", min: 0, max: 100, name: "score", nameLocation: "middle", nameGap: 24 },
    yAxis: { type: "category", data: entries.map(([a]) => a) },
    tooltip: {},
    series: [
      {
        type: "bar",
        name: "score",
        data: entries.map(([, v]) => ({ value: v, itemStyle: { color: colour(v) } })),
        label: { show: true, position: "right" },
      },
    ],
  };
}
