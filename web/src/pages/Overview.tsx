/** The team's health: score per area, and the doctor's findings grouped by area, with filter and search. */
import { useState } from "react";
import type { PageProps } from "../page.ts";
import { Chart } from "./Chart.tsx";
import { tone, useApi } from "./useApi.ts";

export function Overview({ model }: PageProps) {
  const { data, error } = useApi("/api/findings", {}, model.etag);
  const [severity, setSeverity] = useState("all");
  const [query, setQuery] = useState("");
  if (error) return <div className="message error">{error}</div>;
  if (!data) return <p>Loading…</p>;
  const shown = data.findings.filter(
    (f) =>
      (severity === "all" || f.severity === severity) &&
      `${f.message} ${f.ruleId} ${f.subject ?? ""}`.toLowerCase().includes(query.toLowerCase()),
  );
  // Most severe first (the server's order): errors, then warnings, then info; a rule's fix once.
  const levels = (["error", "warn", "info"] as const).filter((l) => shown.some((f) => f.severity === l));
  const heading = { error: "Errors", warn: "Warnings", info: "Info" } as const;
  const first = data.findings[0];
  const errors = data.findings.filter((f) => f.severity === "error").length;
  const fixShown = new Set<string>();
  // A finding's subject links to where it is: a person's card, or an activity's RACI row.
  const subjectLink = (subject: string) =>
    model.people.some((p) => p.id === subject)
      ? `#/people?focus=${encodeURIComponent(subject)}`
      : model.raciActivities.includes(subject)
        ? `#/raci?focus=${encodeURIComponent(subject)}`
        : undefined;
  return (
    <>
      {first && (
        <div className={`message ${first.severity === "error" ? "error" : "info"}`} data-testid="verdict">
          {errors > 0
            ? `${errors} ${errors === 1 ? "error needs" : "errors need"} attention — first: `
            : "No errors — first: "}
          {first.message}
        </div>
      )}
      {data.score.coverage.missing.length > 0 && (
        <p className="legend">
          Coverage {data.score.coverage.overall} % — not recorded, so counted against the score:{" "}
          {data.score.coverage.missing.join("; ")}.
        </p>
      )}
      <div className="scores">
        <div className="score" data-testid="overall">
          Health <b className={tone(data.score.overall)}>{data.score.overall}</b>
        </div>
        {Object.entries(data.score.areas).map(([area, value]) => (
          <div className="score" key={area}>
            {area} <b className={tone(value)}>{value}</b>
          </div>
        ))}
      </div>
      <div className="card">
        <Chart
          option={areaOption(data.score.areas)}
          label={`Health per area: ${Object.entries(data.score.areas)
            .map(([a, v]) => `${a} ${v}`)
            .join(", ")}`}
          height={240}
          testId="areas-chart"
        />
      </div>
      <p>
        <select value={severity} onChange={(e) => setSeverity(e.target.value)} aria-label="severity">
          <option value="all">all severities</option>
          <option value="error">errors</option>
          <option value="warn">warnings</option>
          <option value="info">info</option>
        </select>{" "}
        <input
          type="search"
          aria-label="search findings"
          placeholder="search findings"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />{" "}
        {shown.length} of {data.findings.length} findings
      </p>
      {levels.map((level) => (
        <div className="card" key={level}>
          <h3>
            {heading[level]} ({shown.filter((f) => f.severity === level).length})
          </h3>
          {shown
            .filter((f) => f.severity === level)
            .map((f) => {
              const showFix = !fixShown.has(`${f.ruleId}\u0000${f.fix}`);
              fixShown.add(`${f.ruleId}\u0000${f.fix}`);
              return (
                <div
                  className={`finding ${f.severity}`}
                  key={`${f.ruleId}:${f.location.line}:${f.location.column}:${f.message}`}
                >
                  <strong>{f.area}</strong> {f.message}
                  <small>
                    {showFix ? `fix: ${f.fix} — ` : ""}
                    {f.ruleId} at {f.location.file}:{f.location.line}:{f.location.column}
                    {f.subject && subjectLink(f.subject) ? (
                      <>
                        {" "}
                        · <a href={subjectLink(f.subject)}>{f.subject}</a>
                      </>
                    ) : f.subject ? (
                      ` · ${f.subject}`
                    ) : null}
                  </small>
                </div>
              );
            })}
        </div>
      ))}
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
