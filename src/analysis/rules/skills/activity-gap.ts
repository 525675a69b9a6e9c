import { recordsSkills } from "../../facts.ts";
import { defineRule } from "../../rule.ts";

export default defineRule({
  id: "skills/activity-gap",
  meta: {
    area: "skills",
    severity: "warn",
    reads: ["people", "skilled", "cells"],
    assesses: ["skills", "raci"],
    description: "Every competency that the assigned activities need is held at working level by someone.",
    rationale:
      "000 §8A.1: the competencies (science, ML engineering, data engineering) are what lets a team develop, deploy and maintain an ML system. An activity in the RACI whose competency nobody has at the level it needs is assigned on paper only. A gap is reported only when the people who do or answer for the activity all have a recorded level: an unrecorded level is not assessed (skills/not-assessed), not a zero.",
    source: "000 §8A.1",
    fix: "Train someone to the level, hire for it, or get outside help (a vendor, a platform team).",
    example:
      "people:\n  - { id: ana, name: Ana, roles: [mlops-engineer], skills: { containerization: 1 } }\nraci:\n  - { activity: docker-packaging, R: ana, A: ana }",
  },
  check({ graph, facts, report }) {
    if (!recordsSkills(graph)) return;
    const needs = new Map<string, { level: number; activities: string[]; node: object }>();
    for (const [activity, entries] of graph.raciByActivity) {
      for (const [c, level] of facts.activityNeeds(activity)) {
        const need = needs.get(c) ?? {
          level: 0,
          activities: [],
          node: (entries[0] as { source: object }).source,
        };
        need.level = Math.max(need.level, level);
        need.activities.push(activity);
        needs.set(c, need);
      }
    }
    for (const [competency, need] of needs) {
      const best = facts.bestLevel(competency);
      if (best >= need.level) continue;
      // Someone who does the work has no recorded level: not assessed, not a gap.
      const unknown = need.activities.some((activity) =>
        [...facts.doers(activity)].some((p) => !(competency in (graph.people.get(p)?.source.skills ?? {}))),
      );
      if (unknown) continue;
      report({
        node: need.node,
        path: ["activity"],
        subject: competency,
        message: `${graph.competencies.get(competency)?.name ?? competency} is needed at level ${need.level} by ${need.activities.slice(0, 4).join(", ")}${need.activities.length > 4 ? ", …" : ""}, but the best level in the team is ${best}`,
      });
    }
  },
});
