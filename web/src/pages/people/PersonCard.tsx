/** One person: their roles with an allocation bar, their teams, absences, and the doctor's findings about them. */
import type { Finding, ModelView } from "../../api.ts";
import { FindingNote } from "../FindingNote.tsx";

export function PersonCard({
  person: p,
  focused,
  about,
}: {
  person: ModelView["people"][number];
  focused: boolean;
  about: Finding[];
}) {
  return (
    <div className={`card${focused ? " focused" : ""}`} id={`person-${p.id}`}>
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
            {r.fromTitle !== undefined ? (
              <>
                {r.role} <span className="badge">from title</span> <small>“{r.fromTitle}”</small>
              </>
            ) : (
              `${r.role}: ${Math.round(r.allocation)}%`
            )}
          </li>
        ))}
      </ul>
      <p>Teams: {p.teams.join(", ") || "none"}</p>
      {p.absences.length > 0 && (
        <p>
          Away: {p.absences.map((a) => `${a.from} – ${a.to}${a.reason ? ` (${a.reason})` : ""}`).join("; ")}
        </p>
      )}
      {about.map((f) => (
        <FindingNote finding={f} key={`${f.ruleId}:${f.message}`} />
      ))}
      <p>
        <a href={`#/people?handover=${encodeURIComponent(p.id)}`} aria-label={`Plan handover of ${p.name}`}>
          Plan handover
        </a>
      </p>
    </div>
  );
}
