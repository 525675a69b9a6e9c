import { defineRule } from "../../rule.ts";

export default defineRule({
  id: "staffing/over-allocation",
  meta: {
    area: "staffing",
    severity: "warn",
    reads: ["people"],
    per: "person",
    assesses: ["roles"],
    description:
      "Nobody is allocated more than their time (100% by default, of their `capacity` when part-time) across their roles.",
    rationale:
      "002 warns that piling roles on one person does not work in the long run, and 000 notes that data scientists often double as ML or data engineers in small teams. Allocations over 100% show that the plan already counts on overtime.",
    source: '002 "Beyond the labels"; 000 §8A.1',
    fix: "Lower the allocations so they add up to at most 100%, or move a role to someone else.",
    options: {
      max: { default: 100, description: "The highest total allocation, in percent, that is not reported." },
    },
    example:
      "people:\n  - id: meghan\n    name: Meghan\n    roles:\n      - { role: mlops-engineer, allocation: 80 }\n      - { role: data-engineer, allocation: 50 }",
  },
  check({ people, options, report }) {
    const max = Number(options.max);
    for (const person of people) {
      // A part-time person's allocations must fit within their capacity (percent of full time).
      const capacity = person.source.capacity ?? 100;
      const limit = (max * capacity) / 100;
      if (person.allocation <= limit) continue;
      report({
        node: person.source,
        path: ["roles"],
        subject: person.id,
        message: `${person.name} is allocated ${Math.round(person.allocation)}% across ${person.roles.map((r) => `${r.role} ${Math.round(r.allocation)}%`).join(", ")}${capacity < 100 ? `, working ${capacity}% of full time` : ""}`,
      });
    }
  },
});
