import type { RaciEntry } from "../../../graph/types.ts";
import { hasProduction, nameOf, peopleWith } from "../../facts.ts";
import { defineRule } from "../../rule.ts";

export default defineRule({
  id: "risk/single-point-of-failure",
  meta: {
    area: "risk",
    severity: "warn",
    description:
      "No activity rests on one person: its Responsible and Accountable resolve to at least two people.",
    rationale:
      '002 opens with "Meghan is our MLOps girl" and asks whether the business can keep running without her: she might need a holiday too. When every R and A of an activity is the same person, the activity stops when they do. It is an error for a production-critical activity while a product runs in production.',
    source: '002 "Why you should want a good MLOps team"',
    fix: "Make a second person Responsible (or Accountable) for the activity, and let them practise it.",
    example:
      "people:\n  - { id: meghan, name: Meghan, roles: [mlops-engineer] }\nraci:\n  - { activity: ci-cd-pipeline, R: meghan, A: meghan }",
  },
  check({ graph, report }) {
    const production = hasProduction(graph);
    const byPerson = new Map<string, { entries: RaciEntry[]; critical: boolean }>();
    for (const entry of graph.raci) {
      const people = peopleWith(entry, ["R", "A"]);
      if (people.size !== 1) continue;
      const [person] = people as unknown as [string];
      const item = byPerson.get(person) ?? { entries: [], critical: false };
      item.entries.push(entry);
      item.critical ||= production && graph.activities.get(entry.activity)?.productionCritical === true;
      byPerson.set(person, item);
    }
    for (const [person, { entries, critical }] of byPerson) {
      const node = graph.people.get(person)?.source ?? (entries[0] as RaciEntry).source;
      const names = entries.map((e) => e.activity + (e.product ? ` [${e.product}]` : ""));
      report({
        node,
        path: graph.people.has(person) ? ["id"] : ["activity"],
        subject: person,
        ...(critical ? { severity: "error" as const } : {}),
        message: `${entries.length} ${entries.length === 1 ? "activity rests" : "activities rest"} on ${nameOf(graph, person)} alone (every R and A): ${names.slice(0, 6).join(", ")}${names.length > 6 ? `, and ${names.length - 6} more` : ""}${critical ? " — production-critical work, with a product in production" : ""}`,
      });
    }
  },
});
