import rule from "../../../src/analysis/rules/raci/role-unstaffed.ts";
import { testRule } from "../../helpers.ts";

const people = "people:\n  - { id: ana, name: Ana, roles: [data-scientist] }\n";

testRule(rule, {
  valid: [
    {
      name: "every role is held",
      yaml: `${people}raci:\n  - { activity: data-exploration, R: data-scientist, A: data-scientist }\n`,
    },
    {
      name: "people need no holder",
      yaml: `${people}raci:\n  - { activity: data-exploration, R: ana, A: ana }\n`,
    },
  ],
  invalid: [
    {
      name: "one finding per role, at its first use",
      yaml: `${people}raci:
  - activity: data-pipeline
    R: data-engineer
    A: ana
  - activity: feature-store-management
    R: data-engineer
    A: data-engineer
`,
      findings: [
        {
          line: 5,
          column: 8,
          subject: "data-engineer",
          message:
            /role data-engineer \(R\/A\) appears on 2 activities \(data-pipeline, feature-store-management\) but nobody holds it/,
        },
      ],
    },
  ],
});
