import type { TeamGraph } from "../../../graph/types.ts";
import type { Absence } from "../../../model/schema.ts";
import { activityRisks } from "../../activity-risk.ts";
import { defineRule } from "../../rule.ts";

/** Who else is away at some point during `absence`. */
function awayDuring(graph: TeamGraph, absence: Absence): Set<string> {
  const away = new Set<string>();
  for (const person of graph.people.values()) {
    for (const a of person.source.absences ?? [])
      if (a.from <= absence.to && a.to >= absence.from) away.add(person.id);
  }
  return away;
}

export default defineRule({
  id: "risk/absence-coverage",
  meta: {
    area: "risk",
    severity: "warn",
    reads: ["people", "skilled", "members", "cells"],
    assesses: ["raci", "people"],
    description:
      "Declared absences leave no activity without a Responsible or an Accountable (what rests on the absent person alone is risk/single-point-of-failure's, with the dates).",
    rationale:
      '002: "she might need a holiday too at some point — can your business keep on running without her?" An absence that is already planned shows exactly which activities will have nobody to do them, or nobody to answer for them, and when.',
    source: '002 "Why you should want a good MLOps team"',
    fix: "Arrange a stand-in for the dates (name them as R or A), or move the absence.",
    example:
      "people:\n  - id: meghan\n    name: Meghan\n    roles: [mlops-engineer]\n    absences: [{ from: 2026-12-21, to: 2027-01-08 }]\n  - { id: dan, name: Dan, roles: [data-scientist] }\nraci:\n  - { activity: ci-cd-pipeline, R: meghan, A: dan }",
  },
  check({ graph, facts, today, report }) {
    const { restsOn } = activityRisks(graph);
    for (const person of graph.people.values()) {
      const absences = person.source.absences ?? [];
      if (absences.length === 0) continue;
      // What rests on this person alone is reported once, by risk/single-point-of-failure, with the dates.
      const alone = new Set((restsOn.get(person.id) ?? []).map((r) => r.entry));
      for (const [index, absence] of absences.entries()) {
        if (today !== "" && absence.to < today) continue;
        const away = awayDuring(graph, absence);
        const uncovered: string[] = [];
        for (const entry of graph.raci) {
          const { r: responsible, a: accountable } = facts.row(entry);
          if (!responsible.has(person.id) && !accountable.has(person.id)) continue;
          if (alone.has(entry)) continue;
          const lost = [];
          if (responsible.size > 0 && [...responsible].every((p) => away.has(p))) lost.push("R");
          if (accountable.size > 0 && [...accountable].every((p) => away.has(p))) lost.push("A");
          if (lost.length > 0)
            uncovered.push(
              `${entry.activity}${entry.product ? ` [${entry.product}]` : ""} (${lost.join("/")})`,
            );
        }
        if (uncovered.length === 0) continue;
        report({
          node: person.source,
          path: ["absences", index],
          subject: person.id,
          weight: uncovered.length,
          message: `while ${person.name} is away ${absence.from} – ${absence.to}, ${uncovered.length} ${uncovered.length === 1 ? "activity has" : "activities have"} nobody: ${uncovered.slice(0, 5).join(", ")}${uncovered.length > 5 ? ", …" : ""}`,
        });
      }
    }
  },
});
