import { defineRule } from "../../rule.ts";

export default defineRule({
  id: "governance/competence-actions",
  meta: {
    area: "governance",
    severity: "warn",
    reads: ["people"],
    per: "person",
    description:
      "Every recorded competence gap has a development action with a due date, and none is overdue.",
    rationale:
      "ISO/IEC 42001 7.2 asks that the competence of people doing AI work be determined, ensured and, where it falls short, acted on — with the action evidenced. 000 §8A.1 lists the competencies an MLOps team needs; a gap under a role (skills/below-role-level) with no plan to close it is a gap an auditor will find. This is not legal advice.",
    source: "000 §8A.1",
    fix: "Add an action under the person's `development` (`{ competency, level, due }`), and mark it `done` (and update the level) once reached.",
    frameworks: ["iso-42001"],
    clauses: ["ISO/IEC 42001 7.2"],
    example:
      "organisation: { name: O, stage: scaling, frameworks: [iso-42001] }\npeople:\n  - { id: dan, name: Dan, roles: [data-scientist], skills: { statistics-ml: 2 } }",
  },
  check({ graph, facts, people, today, report }) {
    for (const person of people) {
      const recorded = person.source.skills;
      const actions = person.source.development ?? [];
      const missing: string[] = [];
      if (recorded) {
        const needed = new Map<string, number>();
        for (const held of facts.hats(person))
          for (const [c, level] of Object.entries(graph.roles.get(held)?.competencies ?? {}))
            if (c in recorded && (recorded[c] as number) < level)
              needed.set(c, Math.max(needed.get(c) ?? 0, level));
        for (const [c, level] of needed)
          if (!actions.some((a) => a.competency === c && a.level >= level && a.done === undefined))
            missing.push(`${c} ${recorded[c]}/${level}`);
      }
      const overdue = [...actions.entries()].filter(([, a]) => a.done === undefined && a.due < today);
      if (missing.length > 0)
        report({
          node: person.source,
          path: ["skills"],
          subject: `${person.id}:gaps`,
          message: `${person.name} has competence gaps with no development action (ISO/IEC 42001 7.2): ${missing.join(", ")}`,
        });
      for (const [index, a] of overdue)
        report({
          node: person.source,
          path: ["development", index, "due"],
          subject: `${person.id}:${a.competency}`,
          message: `${person.name}'s action to reach ${a.competency} level ${a.level} was due ${a.due} and is not done (ISO/IEC 42001 7.2)`,
        });
    }
  },
});
