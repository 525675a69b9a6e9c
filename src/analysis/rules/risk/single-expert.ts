import { defineRule } from "../../rule.ts";

export default defineRule({
  id: "risk/single-expert",
  meta: {
    area: "risk",
    severity: "warn",
    description:
      "No competency that the RACI's activities need is held at working level by exactly one person. One finding per such person.",
    rationale:
      "002: MLOps often depends on a handful of people, sometimes just one or two. A competency that only one person has at working level (3 of 4) is knowledge the team loses the day that person leaves or is away. 000 §8A.1 lists the competencies an MLOps team needs.",
    source: '002 "Why you should want a good MLOps team"; 000 §8A.1',
    fix: "Train a second person to working level (mlteam recommend lists who is closest), or hire for it.",
    options: { level: { default: 3, description: "The level (0–4) that counts as working level." } },
    example:
      "people:\n  - { id: meghan, name: Meghan, roles: [mlops-engineer], skills: { containerization: 4 } }\n  - { id: dan, name: Dan, roles: [data-scientist], skills: { containerization: 1 } }\nraci:\n  - { activity: docker-packaging, R: meghan, A: dan }",
  },
  check({ graph, options, report }) {
    const level = Number(options.level);
    const needed = new Set<string>();
    for (const activity of graph.raciByActivity.keys()) {
      for (const c of Object.keys(graph.activities.get(activity)?.competencies ?? {})) needed.add(c);
    }
    const byExpert = new Map<string, string[]>();
    for (const competency of needed) {
      const experts = (graph.skilled.get(competency) ?? []).filter(
        (p) => (graph.people.get(p)?.skills[competency] ?? 0) >= level,
      );
      if (experts.length !== 1) continue;
      const expert = experts[0] as string;
      byExpert.set(expert, [...(byExpert.get(expert) ?? []), competency]);
    }
    for (const [id, competencies] of byExpert) {
      const expert = graph.people.get(id);
      if (!expert) continue;
      report({
        node: expert.source,
        path: ["skills", competencies[0] as string],
        subject: id,
        message: `only ${expert.name} has ${competencies.map((c) => graph.competencies.get(c)?.name ?? c).join(", ")} at level ${level} or above`,
      });
    }
  },
});
