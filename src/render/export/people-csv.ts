/** The people as a CSV roster: one row per person, one column per competency (levels 0–4). */
import { stringify } from "csv-stringify/sync";
import type { TeamGraph } from "../../graph/types.ts";

export function renderPeopleCsv(graph: TeamGraph): string {
  const competencies = [...graph.competencies.keys()];
  const header = ["id", "name", "email", "title", "roles", "teams", "reports_to", ...competencies];
  const rows = [...graph.people.values()].map((p) => [
    p.id,
    p.name,
    p.source.emails?.[0] ?? "",
    (p.source.titles ?? []).join("; "),
    p.roles.map((r) => (r.explicit ? `${r.role}:${r.allocation}` : r.role)).join("; "),
    p.teams.join("; "),
    p.source.reportsTo ?? "",
    ...competencies.map((c) => (p.skills[c] === undefined ? "" : String(p.skills[c]))),
  ]);
  return stringify([header, ...rows]);
}
