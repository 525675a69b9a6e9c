import rule from "../../../src/analysis/rules/raci/single-accountable.ts";
import { testRule } from "../../helpers.ts";

const people = `people:
  - { id: ana, name: Ana, roles: [data-scientist] }
  - { id: ben, name: Ben, roles: [ml-engineer] }
`;

testRule(rule, {
  valid: [
    {
      name: "one Accountable role",
      yaml: `${people}raci:\n  - { activity: data-exploration, R: data-scientist, A: data-scientist }\n`,
    },
    {
      name: "one Accountable person",
      yaml: `${people}raci:\n  - { activity: data-exploration, R: ana, A: person:ben }\n`,
    },
    { name: "no RACI at all", yaml: people },
  ],
  invalid: [
    {
      name: "no Accountable",
      yaml: `${people}raci:\n  - activity: data-exploration\n    R: data-scientist\n`,
      findings: [
        {
          line: 5,
          column: 15,
          message: /"Data exploration" has no Accountable/,
          subject: "data-exploration",
        },
      ],
    },
    {
      name: "two Accountables",
      yaml: `${people}raci:\n  - activity: feature-engineering\n    R: data-scientist\n    A: [data-scientist, ml-engineer]\n`,
      findings: [
        { line: 7, column: 8, message: /has 2 Accountables \(role data-scientist, role ml-engineer\)/ },
      ],
    },
    {
      name: "a product row is checked on its own",
      yaml: `${people}teams: [{ id: t, type: product, members: [ana, ben] }]
products: [{ id: p, team: t, stage: prototype }]
raci:
  - { activity: data-exploration, R: ana, A: ana }
  - { activity: data-exploration, product: p, R: ana }
`,
      findings: [{ line: 8, column: 17, message: /"Data exploration" for product p has no Accountable/ }],
    },
  ],
});
