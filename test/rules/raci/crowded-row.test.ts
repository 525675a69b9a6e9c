import rule from "../../../src/analysis/rules/raci/crowded-row.ts";
import { testRule } from "../../helpers.ts";

const people = "people:\n  - { id: ana, name: Ana, roles: [data-engineer] }\n";

testRule(rule, {
  valid: [
    {
      name: "001's widest row",
      yaml: `${people}raci:\n  - { activity: data-exploration, R: data-engineer, A: data-engineer, C: [ml-engineer, data-scientist], I: [mlops-engineer] }\n`,
    },
  ],
  invalid: [
    {
      name: "five Consulted",
      yaml: `${people}raci:
  - activity: data-pipeline
    R: data-engineer
    A: data-engineer
    C: [data-scientist, ml-engineer, mlops-engineer, platform-engineer, qa-engineer]
`,
      findings: [
        {
          line: 7,
          column: 8,
          subject: "data-pipeline",
          message: /"Data pipeline" has 5 Consulted \(at most 4\)/,
        },
      ],
    },
    {
      name: "Informed over a lowered limit",
      yaml: `${people}raci:
  - { activity: data-pipeline, R: data-engineer, A: data-engineer, I: [data-scientist, ml-engineer] }
rules:
  raci/crowded-row: { options: { maxInformed: 1 } }
`,
      findings: [{ line: 4, column: 71, message: /has 2 Informed \(at most 1\)/ }],
    },
  ],
});
