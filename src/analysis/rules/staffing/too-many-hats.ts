import { defineRule } from "../../rule.ts";

export default defineRule({
  id: "staffing/too-many-hats",
  meta: {
    area: "staffing",
    severity: "warn",
    reads: ["people"],
    per: "person",
    assesses: ["roles"],
    description: "Nobody holds more roles than can last.",
    rationale:
      "002 has seen people act as data science manager, lead developer and product owner at once and says it does not work in the long run: split the responsibilities when scale allows. 000 §8A.1 accepts that data scientists double as ML or data engineers in small teams — two hats, not four.",
    source: '002 "Beyond the labels"; 000 §8A.1',
    fix: "Hand some of the roles to others, or plan the hires that let this person drop them.",
    options: {
      max: {
        default: 2,
        description: "The most roles one person may hold (one more at stage starting).",
      },
    },
    example:
      "organisation: { name: O, stage: scaling }\npeople:\n  - { id: meghan, name: Meghan, roles: [mlops-engineer, data-engineer, ml-engineer] }",
  },
  check({ graph, people, options, report }) {
    // 000 §8A.1: in smaller teams data scientists commonly also serve as ML or data engineers; 002
    // splits roles "if scale allows". So at stage starting a person may wear one more hat.
    const small = graph.organisation?.stage === "starting";
    const max = Number(options.max) + (small ? 1 : 0);
    for (const person of people) {
      if (person.roles.length <= max) continue; // as many hats at most as roles recorded
      const roles = [...new Set(person.roles.map((r) => r.role))];
      if (roles.length <= max) continue;
      report({
        node: person.source,
        path: ["roles"],
        subject: person.id,
        message: `${person.name} wears ${roles.length} hats (${roles.join(", ")}); at most ${max} last${small ? " even at stage starting" : ""}`,
      });
    }
  },
});
