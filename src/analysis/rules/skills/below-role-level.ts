import { wherePersonHolds } from "../../facts.ts";
import { defineRule } from "../../rule.ts";

export default defineRule({
  id: "skills/below-role-level",
  meta: {
    area: "skills",
    severity: "warn",
    reads: ["people"],
    per: "person",
    assesses: ["skills"],
    description: "People who record their skills meet the levels their roles need.",
    rationale:
      "000 §8A.1 lists the competencies an MLOps team needs (statistics & ML, MLOps knowledge, DevOps, containerization, monitoring, IaC, ETL, data pipelines); 001 §3.2 and 003 tie each role to its tools and responsibilities. A role held below its levels is a gap to train for. Only recorded levels are compared: a competency with no recorded level is not assessed (skills/not-assessed), never a zero; an explicit 0 is a real zero.",
    source: "000 §8A.1; 001 §3.2",
    fix: "Plan training (mlteam recommend lists who is closest), pair the person with an expert, or correct the recorded level.",
    options: {
      tolerance: { default: 0, description: "How many levels below the requirement are still accepted." },
    },
    example:
      "people:\n  - { id: dan, name: Dan, roles: [data-scientist], skills: { statistics-ml: 2, data-analysis: 3, mlops-knowledge: 2, software-engineering: 2 } }",
  },
  check({ graph, facts, people, options, report }) {
    const tolerance = Number(options.tolerance);
    for (const person of people) {
      const recorded = person.source.skills;
      if (!recorded) continue;
      for (const held of facts.hats(person)) {
        const needs = facts.roleNeeds(held);
        const short = ([c, level]: readonly [string, number]) =>
          c in recorded && (recorded[c] as number) < level - tolerance;
        if (!needs.some(short)) continue;
        const gaps = needs.filter(short).map(([c, level]) => `${c} ${recorded[c]}/${level}`);
        report({
          node: person.source,
          path: wherePersonHolds(graph, person, held),
          subject: person.id,
          message: `${person.name} is below the ${held} levels: ${gaps.join(", ")}`,
        });
      }
    }
  },
});
