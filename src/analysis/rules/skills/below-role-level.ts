import { defineRule } from "../../rule.ts";

export default defineRule({
  id: "skills/below-role-level",
  meta: {
    area: "skills",
    severity: "warn",
    description: "People who record their skills meet the levels their roles need.",
    rationale:
      "000 §8A.1 lists the competencies an MLOps team needs (statistics & ML, MLOps knowledge, DevOps, containerization, monitoring, IaC, ETL, data pipelines); 001 §3.2 and 003 tie each role to its tools and responsibilities. A role held below its levels is a gap to train for. People without a `skills` section are not checked.",
    source: "000 §8A.1; 001 §3.2",
    fix: "Plan training (mlteam recommend lists who is closest), pair the person with an expert, or correct the recorded level.",
    options: {
      tolerance: { default: 0, description: "How many levels below the requirement are still accepted." },
    },
    example:
      "people:\n  - { id: dan, name: Dan, roles: [data-scientist], skills: { statistics-ml: 2, data-analysis: 3, mlops-knowledge: 2, software-engineering: 2 } }",
  },
  check({ graph, options, report }) {
    const tolerance = Number(options.tolerance);
    for (const person of graph.people.values()) {
      if (!person.source.skills) continue;
      for (const [index, holding] of person.roles.entries()) {
        const role = graph.roles.get(holding.role);
        const gaps = Object.entries(role?.competencies ?? {})
          .filter(([c, level]) => (person.skills[c] ?? 0) < level - tolerance)
          .map(([c, level]) => `${c} ${person.skills[c] ?? 0}/${level}`);
        if (gaps.length === 0) continue;
        report({
          node: person.source,
          path: ["roles", index],
          subject: person.id,
          message: `${person.name} is below the ${holding.role} levels: ${gaps.join(", ")}`,
        });
      }
    }
  },
});
