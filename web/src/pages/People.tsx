/** People: the roles each one holds with allocation bars, their teams and absences. */
import type { PageProps } from "../App.tsx";

export function People({ model }: PageProps) {
  return (
    <>
      {model.people.map((p) => (
        <div className="card" key={p.id}>
          <h3>
            {p.name} <small>({p.id})</small>
          </h3>
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
        </div>
      ))}
    </>
  );
}
