import { defineRule } from "../../rule.ts";

export default defineRule({
  id: "risk/single-expert",
  meta: {
    area: "risk",
    severity: "warn",
    reads: ["people", "skilled", "cells"],
    assesses: ["raci", "skills"],
    description:
      "Every competency that the RACI's activities need is held at working level by at least two people. One finding per person who is the only one, and one for what nobody has.",
    rationale:
      "002: MLOps often depends on a handful of people, sometimes just one or two. A competency that only one person has at working level (3 of 4) is knowledge the team loses the day that person leaves or is away. 000 §8A.1 lists the competencies an MLOps team needs.",
    source: '002 "Why you should want a good MLOps team"; 000 §8A.1',
    fix: "Train a second person to working level (mlteam recommend lists who is closest), or hire for it.",
    options: { level: { default: 3, description: "The level (0–4) that counts as working level." } },
    example:
      "people:\n  - { id: meghan, name: Meghan, roles: [mlops-engineer], skills: { containerization: 4 } }\n  - { id: dan, name: Dan, roles: [data-scientist], skills: { containerization: 1 } }\nraci:\n  - { activity: docker-packaging, R: meghan, A: dan }",
  },
  check({ graph, facts, options, report }) {
    const level = Number(options.level);
    // Each competency the RACI's activities need, with those activities.
    const needed = new Map<string, { activities: string[]; node: object }>();
    for (const [activity, entries] of graph.raciByActivity) {
      for (const [c] of facts.activityNeeds(activity)) {
        const need = needed.get(c) ?? { activities: [], node: (entries[0] as { source: object }).source };
        need.activities.push(activity);
        needed.set(c, need);
      }
    }
    const byExpert = new Map<string, string[]>();
    const nobody: { competency: string; node: object }[] = [];
    for (const [competency, need] of needed) {
      const experts = facts.experts(competency, level);
      if (experts.length === 1) {
        const expert = experts[0] as string;
        // "Only X" is a claim about everyone else: not made while someone whose role needs the
        // competency has no recorded level (not assessed, not zero).
        if (facts.unrecorded(competency).some((p) => p !== expert)) continue;
        byExpert.set(expert, [...(byExpert.get(expert) ?? []), competency]);
      } else if (experts.length === 0) {
        // Nobody at working level is worse than one — but only when the levels of the people who do
        // the work (R or A of those activities) are recorded: an unrecorded level is not assessed
        // (skills/not-assessed), not a zero.
        const known = need.activities.every((activity) =>
          [...facts.doers(activity)].every((p) => competency in (graph.people.get(p)?.source.skills ?? {})),
        );
        if (known) nobody.push({ competency, node: need.node });
      }
    }
    const nameOf = (c: string) => graph.competencies.get(c)?.name ?? c;
    for (const [id, competencies] of byExpert) {
      const expert = graph.people.get(id);
      if (!expert) continue;
      report({
        node: expert.source,
        path: ["skills", competencies[0] as string],
        subject: id,
        weight: competencies.length,
        message: `only ${expert.name} has ${competencies.map(nameOf).join(", ")} at level ${level} or above`,
      });
    }
    if (nobody.length > 0) {
      report({
        node: (nobody[0] as { node: object }).node,
        path: ["activity"],
        subject: "nobody",
        weight: 2 * nobody.length,
        message: `nobody has ${nobody.map((n) => nameOf(n.competency)).join(", ")} at level ${level} or above, though the RACI's activities need ${nobody.length === 1 ? "it" : "them"}`,
      });
    }
  },
});
