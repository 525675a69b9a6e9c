import rule from "../../../src/analysis/rules/governance/competence-actions.ts";
import { testRule } from "../../helpers.ts";

// The tests run on 2026-11-22. A data scientist needs statistics-ml 3 (the catalog's level).
const dan = (development: string) => `organisation: { name: O, stage: scaling, frameworks: [iso-42001] }
people:
  - id: dan
    name: Dan
    roles: [data-scientist]
    skills: { statistics-ml: 2 }
${development}`;

testRule(rule, {
  valid: [
    {
      name: "the gap has an action due later",
      yaml: dan("    development: [{ competency: statistics-ml, level: 3, due: 2027-03-31 }]\n"),
    },
    {
      name: "no recorded gap, a finished action",
      yaml: `organisation: { name: O, stage: scaling, frameworks: [iso-42001] }
people:
  - { id: ana, name: Ana, roles: [data-scientist], development: [{ competency: statistics-ml, level: 3, due: 2026-01-31, done: 2026-01-20 }] }
`,
    },
  ],
  invalid: [
    {
      name: "a gap with no action",
      yaml: dan(""),
      findings: [
        {
          line: 6,
          column: 13,
          subject: "dan:gaps",
          message:
            /^Dan has competence gaps with no development action \(ISO\/IEC 42001 7\.2\): statistics-ml 2\/3$/,
        },
      ],
    },
    {
      name: "an overdue action",
      yaml: dan("    development: [{ competency: statistics-ml, level: 3, due: 2026-09-30 }]\n"),
      findings: [
        {
          line: 7,
          column: 63,
          subject: "dan:statistics-ml",
          message: /^Dan's action to reach statistics-ml level 3 was due 2026-09-30 and is not done/,
        },
      ],
    },
  ],
});
