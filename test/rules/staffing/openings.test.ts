import rule from "../../../src/analysis/rules/staffing/openings.ts";
import { testRule } from "../../helpers.ts";

testRule(rule, {
  valid: [{ name: "no openings", yaml: "people:\n  - { id: ana, name: Ana, roles: [ml-engineer] }\n" }],
  invalid: [
    {
      name: "what an opening will cover, and from when",
      yaml: "openings:\n  - { id: mle-2027, role: ml-engineer, start: 2027-01-15, status: approved }\nraci:\n  - { activity: model-unit-tests, R: ml-engineer, A: ml-engineer }\n",
      findings: [
        {
          line: 2,
          column: 27,
          subject: "mle-2027",
          severity: "info",
          message:
            /^opening mle-2027 \(ml-engineer, approved\) from 2027-01-15 will cover model-unit-tests, which has nobody in that role today$/,
        },
      ],
    },
    {
      name: "an opening whose start has passed",
      yaml: "openings:\n  - { id: old, role: data-engineer, start: 2026-01-01 }\n",
      findings: [{ line: 2, column: 22, message: /due since 2026-01-01 \(add the person under `people`\)/ }],
    },
  ],
});
