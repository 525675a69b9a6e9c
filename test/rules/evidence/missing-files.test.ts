import rule from "../../../src/analysis/rules/evidence/missing-files.ts";
import { testRule } from "../../helpers.ts";
import { activity, contributor, report } from "./fixtures.ts";

const yaml = `people:
  - { id: a, name: A }
raci:
  - { activity: ci-cd-pipeline, R: a, A: a }
  - { activity: define-business-problem, R: a, A: a }
`;

testRule(rule, {
  valid: [
    {
      name: "files found (and no patterns for defining the problem)",
      yaml,
      evidence: report([activity("ci-cd-pipeline", 2, [contributor("a", 2, 1)], ["a"])]),
    },
  ],
  invalid: [
    {
      name: "no CI files anywhere",
      yaml,
      evidence: report([]),
      findings: [
        {
          line: 4,
          column: 17,
          severity: "info",
          subject: "ci-cd-pipeline",
          message: /ci-cd-pipeline is declared but none of its files are in the listed repositories/,
        },
      ],
    },
  ],
});
