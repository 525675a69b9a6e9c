import rule from "../../../src/analysis/rules/raci/essential-activity-missing.ts";
import { testRule } from "../../helpers.ts";

const starting = [
  "define-business-problem",
  "data-exploration",
  "feature-engineering",
  "model-training-code",
  "data-pipeline",
  "data-ingestion",
  "experiment-tracking",
  "executive-sponsorship",
]
  .map((a) => `  - { activity: ${a}, R: ana, A: ana }\n`)
  .join("");

testRule(rule, {
  valid: [
    {
      name: "every activity expected at stage starting has a row",
      yaml: `organisation: { name: O, stage: starting }\npeople: [{ id: ana, name: Ana }]\nraci:\n${starting}`,
    },
  ],
  invalid: [
    {
      name: "one finding listing what is missing",
      yaml: `organisation:\n  name: O\n  stage: starting\npeople: [{ id: ana, name: Ana }]\nraci:\n  - { activity: data-exploration, R: ana, A: ana }\n`,
      findings: [
        {
          line: 3,
          column: 10,
          subject: "essential-activities",
          message:
            /^7 activities expected at stage starting have no RACI row: define-business-problem, feature-engineering, model-training-code, data-pipeline, data-ingestion, experiment-tracking, executive-sponsorship$/,
        },
      ],
    },
  ],
});
