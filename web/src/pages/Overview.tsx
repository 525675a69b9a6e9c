/** The team's health: score per area, and the doctor's findings grouped by area, with filter and search. */
import { useState } from "react";
import type { PageProps } from "../App.tsx";
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
  const areas = [...new Set(shown.map((f) => f.area))];
  return (
    <>
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
      <p>
        <select value={severity} onChange={(e) => setSeverity(e.target.value)} aria-label="severity">
          <option value="all">all severities</option>
          <option value="error">errors</option>
          <option value="warn">warnings</option>
          <option value="info">info</option>
        </select>{" "}
        <input
          type="search"
          placeholder="search findings"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />{" "}
        {shown.length} of {data.findings.length} findings
      </p>
      {areas.map((area) => (
        <div className="card" key={area}>
          <h3>{area}</h3>
          {shown
            .filter((f) => f.area === area)
            .map((f) => (
              <div
                className={`finding ${f.severity}`}
                key={`${f.ruleId}:${f.location.line}:${f.location.column}:${f.message}`}
              >
                <strong>{f.severity}</strong> {f.message}
                <small>
                  fix: {f.fix} — {f.ruleId} at {f.location.file}:{f.location.line}:{f.location.column}
                  {f.subject ? (
                    <>
                      {" "}
                      · <a href={`#/${f.ruleId.startsWith("raci/") ? "raci" : "people"}`}>{f.subject}</a>
                    </>
                  ) : null}
                </small>
              </div>
            ))}
        </div>
      ))}
    </>
  );
}
