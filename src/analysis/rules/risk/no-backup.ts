import type { TeamGraph } from "../../../graph/types.ts";
import { describeEntry } from "../../describe.ts";
import { hasProduction, peopleWith } from "../../facts.ts";
import { defineRule } from "../../rule.ts";

/** People who have every competency the activity needs at its level. */
function capable(graph: TeamGraph, activity: string): string[] {
  const needs = Object.entries(graph.activities.get(activity)?.competencies ?? {});
  if (needs.length === 0) return [];
  const [first] = needs as [[string, number], ...[string, number][]];
  return (graph.skilled.get(first[0]) ?? []).filter((p) =>
    needs.every(([c, level]) => (graph.people.get(p)?.skills[c] ?? 0) >= level),
  );
}

export default defineRule({
  id: "risk/no-backup",
  meta: {
    area: "risk",
    severity: "error",
    description:
      "While a product runs in production, every production-critical activity (CI/CD, deployment, monitoring, data pipelines…) has a backup.",
    rationale:
      "002: when ML pipelines are tied into business operations, a failure can stop deliveries or idle a distribution centre, and something will fail sooner or later; what matters is whether it can be fixed in time. A production-critical activity needs a second person who is assigned to it or has its skills.",
    source: '002 "Why you should want a good MLOps team"',
    fix: "Name a second Responsible, or train someone to the activity's competency levels (see `mlteam catalog activities <id>`).",
    example:
      "people:\n  - { id: meghan, name: Meghan, roles: [mlops-engineer] }\n  - { id: dan, name: Dan, roles: [data-scientist] }\nteams: [{ id: t, type: full-stack, members: [meghan, dan] }]\nproducts: [{ id: p, team: t, stage: production }]\nraci:\n  - { activity: monitoring-setup, R: meghan, A: meghan, I: dan }",
  },
  check({ graph, report }) {
    if (!hasProduction(graph)) return;
    const skilled = new Map<string, string[]>();
    for (const entry of graph.raci) {
      if (!graph.activities.get(entry.activity)?.productionCritical) continue;
      const people = peopleWith(entry, ["R", "A"]);
      let able = skilled.get(entry.activity);
      if (!able) {
        able = capable(graph, entry.activity);
        skilled.set(entry.activity, able);
      }
      for (const p of able) {
        if (people.size >= 2) break;
        people.add(p);
      }
      if (people.size >= 2) continue;
      report({
        node: entry.source,
        path: ["activity"],
        subject: entry.activity,
        message: `${describeEntry(graph, entry)} is production-critical and has no backup: ${people.size === 0 ? "nobody is" : "only one person is"} assigned or skilled for it`,
      });
    }
  },
});
