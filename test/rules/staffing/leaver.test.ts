import rule from "../../../src/analysis/rules/staffing/leaver.ts";
import { testRule } from "../../helpers.ts";

// The tests run on 2026-11-22 (helpers' TODAY).
const people = (leaves: string) =>
  `people:\n  - { id: ana, name: Ana, roles: [mlops-engineer], leaves: ${leaves} }\n  - { id: bo, name: Bo, roles: [data-scientist] }\n`;

testRule(rule, {
  valid: [
    {
      name: "a departure further ahead than 60 days",
      yaml: `${people("2027-06-30")}raci:\n  - { activity: ci-cd-pipeline, R: ana, A: bo }\n`,
    },
    {
      name: "someone else holds the same letters",
      yaml: `${people("2026-12-31")}raci:\n  - { activity: ci-cd-pipeline, R: [ana, bo], A: bo }\n`,
    },
  ],
  invalid: [
    {
      name: "a leaver who alone is R",
      yaml: `${people("2026-12-31")}raci:\n  - { activity: ci-cd-pipeline, R: ana, A: bo }\n`,
      findings: [
        {
          line: 2,
          column: 60,
          subject: "ana",
          message: /^Ana leaves on 2026-12-31 and is the only one for "CI\/CD pipeline" \(R\)$/,
        },
      ],
    },
  ],
});
