import { roleFrom } from "../../facts.ts";
import { defineRule } from "../../rule.ts";

/** Pairs of roles that pull against each other in one person (002), with why. */
export const CONFLICTS: { roles: [string, string]; why: string }[] = [
  {
    roles: ["outside-to-inside", "inside-to-outside"],
    why: "the business's advocate and the development team's advocate in one person is a conflict of interest by design",
  },
  {
    roles: ["inside-to-outside", "tech-lead"],
    why: "product owner or data-science manager and lead developer in one person does not work in the long run",
  },
];

export default defineRule({
  id: "staffing/conflicting-hats",
  meta: {
    area: "staffing",
    severity: "warn",
    reads: ["people"],
    per: "person",
    assesses: ["roles"],
    description:
      "Nobody combines roles that pull against each other: outside-to-inside with inside-to-outside, or product ownership with technical lead.",
    rationale:
      "002: the outside-to-inside person is the business's best friend and the inside-to-outside person the development team's champion who pushes back on the business; combining them is too complex and has a conflict of interest by design. It also warns against the data science manager / lead developer / product owner combination. For someone with no recorded roles, job titles count too: they map to roles through the catalog's aliases; recorded roles win over titles.",
    source: '002 "Inside-to-outside person"; 002 "Beyond the labels"',
    fix: "Give one of the two roles to someone else; if scale does not allow it yet, make the trade-off explicit with a suppression and a review date.",
    example: "people:\n  - id: paul\n    name: Paul\n    roles: [outside-to-inside, inside-to-outside]",
  },
  check({ facts, people, report }) {
    for (const person of people) {
      const held = facts.hats(person);
      if (held.length < 2) continue; // a conflict takes two roles
      for (const { roles, why } of CONFLICTS) {
        if (!roles.every((r) => held.includes(r))) continue;
        report({
          node: person.source,
          path: person.titleRoles.length > 0 ? ["titles"] : ["roles"],
          subject: person.id,
          message: `${person.name} is both ${roleFrom(person, roles[0])} and ${roleFrom(person, roles[1])}: ${why}`,
        });
      }
    }
  },
});
