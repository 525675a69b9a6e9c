import { hats } from "../../facts.ts";
import { defineRule } from "../../rule.ts";

export default defineRule({
  id: "skills/not-assessed",
  meta: {
    area: "skills",
    severity: "info",
    assesses: ["skills"],
    description:
      "The competencies each person's roles need have a recorded level; one finding per person lists those that do not.",
    rationale:
      "000 §8A.1 lists the competencies an MLOps team needs and 001 §3.2 ties them to roles. A level that was never recorded is unknown, not zero: the doctor compares only recorded levels (skills/below-role-level, skills/activity-gap) and lists the rest here, once per person, so that recording a skill never adds findings about the skills not recorded.",
    source: "000 §8A.1; 001 §3.2",
    fix: "Record the person's level (0–4) for each competency listed under `people[].skills`; write 0 for a real zero.",
    example: "people:\n  - { id: ana, name: Ana, roles: [mlops-engineer], skills: { containerization: 3 } }",
  },
  check({ graph, report }) {
    for (const person of graph.people.values()) {
      const recorded = person.source.skills ?? {};
      const needed = new Map<string, string>();
      for (const role of hats(graph, person)) {
        for (const c of Object.keys(graph.roles.get(role)?.competencies ?? {}))
          if (!(c in recorded) && !needed.has(c)) needed.set(c, role);
      }
      if (needed.size === 0) continue;
      const list = [...needed.keys()];
      report({
        node: person.source,
        path: person.source.skills ? ["skills"] : ["id"],
        subject: person.id,
        weight: list.length,
        message: `${person.name}'s ${list.length === 1 ? "level is" : "levels are"} not recorded for ${list.length === 1 ? "a competency" : `${list.length} competencies`} ${[...new Set(needed.values())].length === 1 ? `the ${[...needed.values()][0]} role needs` : "their roles need"}: ${list.join(", ")}`,
      });
    }
  },
});
