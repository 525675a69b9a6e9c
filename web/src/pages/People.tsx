/** People: the roles each one holds with allocation bars, their teams, absences, and the doctor's findings about them. */

import { useEffect } from "react";
import { focusParam, type PageProps } from "../page.ts";
import { Chart } from "./Chart.tsx";
import { FindingNote } from "./FindingNote.tsx";
import { useApi } from "./useApi.ts";

export function People({ model }: PageProps) {
  const { data } = useApi("/api/findings", {}, model.etag);
  const focus = focusParam();
  useEffect(() => {
    if (focus) document.getElementById(`person-${focus}`)?.scrollIntoView({ block: "center" });
  }, [focus]);
  const roles = [...new Set(model.people.flatMap((p) => p.roles.map((r) => r.role)))];
  const allocation = {
    tooltip: { trigger: "axis" },
    legend: { type: "scroll", top: 0 },
    grid: { left: 120, right: 24, top: 36, bottom: 36 },
    xAxis: { type: "value", name: "% of full time", nameLocation: "middle", nameGap: 24 },
    yAxis: { type: "category", data: model.people.map((p) => p.name) },
    series: roles.map((role, i) => ({
      name: role,
      type: "bar",
      stack: "allocation",
      data: model.people.map((p) => p.roles.find((r) => r.role === role)?.allocation ?? 0),
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
  const over = model.people.filter((p) => p.allocation > 100);
  return (
    <>
      {model.people.length > 0 && (
        <div className="card">
          <Chart
            option={allocation}
            label={`Allocation per person, stacked by role${over.length ? `; over 100 %: ${over.map((p) => `${p.name} ${Math.round(p.allocation)} %`).join(", ")}` : ""}`}
            height={Math.max(160, 48 + 28 * model.people.length)}
            testId="allocation-chart"
          />
        </div>
      )}
      {model.openings.map((o) => (
        <div className="card opening" key={`opening-${o.id}`} id={`opening-${o.id}`}>
          <h2>
            Opening: {o.role} <small>({o.id})</small> <span className="badge">{o.status}</span>
          </h2>
          <p>
            {o.start ? `Expected from ${o.start}` : "No start date yet"}
            {o.team ? `, in team ${o.team}` : ""}. Covers nothing until someone starts.
          </p>
        </div>
      ))}
      {model.people.map((p) => {
        const about = (data?.findings ?? []).filter((f) => f.subject === p.id);
        return (
          <div className={`card${focus === p.id ? " focused" : ""}`} key={p.id} id={`person-${p.id}`}>
            <h2>
              {p.name} <small>({p.id})</small>
              {p.employment !== "employee" && <span className="badge">{p.employment}</span>}
              {p.capacity < 100 && <span className="badge">{p.capacity}% of full time</span>}
              {p.leaves && <span className="badge warn">leaves {p.leaves}</span>}
            </h2>
            <p>
              <span className="bar" title={`${Math.round(p.allocation)}%`}>
                <span
                  className={p.allocation > 100 ? "over" : ""}
                  style={{ width: `${Math.min(100, p.allocation)}%` }}
                />
              </span>{" "}
              {Math.round(p.allocation)}% allocated{p.roles.length > 2 ? ` — ${p.roles.length} hats` : ""}
            </p>
            <ul>
              {p.roles.map((r) => (
                <li key={r.role}>
                  {r.role}: {Math.round(r.allocation)}%
                </li>
              ))}
            </ul>
            <p>Teams: {p.teams.join(", ") || "none"}</p>
            {p.absences.length > 0 && (
              <p>
                Away:{" "}
                {p.absences.map((a) => `${a.from} – ${a.to}${a.reason ? ` (${a.reason})` : ""}`).join("; ")}
              </p>
            )}
            {about.map((f) => (
              <FindingNote finding={f} key={`${f.ruleId}:${f.message}`} />
            ))}
          </div>
        );
      })}
    </>
  );
}
