/** People: the roles each one holds with allocation bars, their teams, absences, and the doctor's findings about them. */

import { useEffect } from "react";
import { focusParam, type PageProps } from "../App.tsx";
import { useApi } from "./useApi.ts";

export function People({ model }: PageProps) {
  const { data } = useApi("/api/findings", {}, model.etag);
  const focus = focusParam();
  useEffect(() => {
    if (focus) document.getElementById(`person-${focus}`)?.scrollIntoView({ block: "center" });
  }, [focus]);
  return (
    <>
      {model.people.map((p) => {
        const about = (data?.findings ?? []).filter((f) => f.subject === p.id);
        return (
          <div className={`card${focus === p.id ? " focused" : ""}`} key={p.id} id={`person-${p.id}`}>
            <h2>
              {p.name} <small>({p.id})</small>
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
              <div className={`finding ${f.severity}`} key={`${f.ruleId}:${f.message}`}>
                {f.message}
                <small>
                  fix: {f.fix} — {f.ruleId}
                </small>
              </div>
            ))}
          </div>
        );
      })}
    </>
  );
}
