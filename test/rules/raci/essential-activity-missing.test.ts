import rule from "../../../src/analysis/rules/raci/essential-activity-missing.ts";
import { testRule } from "../../helpers.ts";

const rows = (activities: string[]) =>
  activities.map((a) => `  - { activity: ${a}, R: ana, A: ana }\n`).join("");

/** 001 §3.4's eleven rows. */
const ELEVEN = [
  "define-business-problem",
  "data-exploration",
  "feature-engineering",
  "model-training-code",
  "model-unit-tests",
  "ci-cd-pipeline",
  "docker-packaging",
  "k8s-deployment",
  "monitoring-setup",
  "data-pipeline",
  "feature-store-management",
];

testRule(rule, {
  valid: [
    {
      name: "every activity expected at stage starting has a row (parts covered by their broader row)",
      yaml: `organisation: { name: O, stage: starting }\npeople: [{ id: ana, name: Ana }]\nraci:\n${rows(["define-business-problem", "data-exploration", "feature-engineering", "model-training-code", "data-pipeline"])}`,
    },
    {
      name: "finer rows cover the broader activity they are part of",
      yaml: `organisation: { name: O, stage: starting }\npeople: [{ id: ana, name: Ana }]\nraci:\n${rows(["define-business-problem", "data-exploration", "feature-engineering", "experiment-tracking", "data-ingestion"])}`,
    },
  ],
  invalid: [
    {
      name: "one finding listing what is missing, the broader activity standing for its parts",
      yaml: `organisation:\n  name: O\n  stage: starting\npeople: [{ id: ana, name: Ana }]\nraci:\n  - { activity: data-exploration, R: ana, A: ana }\n`,
      findings: [
        {
          line: 3,
          column: 10,
          subject: "essential-activities",
          message:
            /^4 activities expected at stage starting have no RACI row: define-business-problem, feature-engineering, model-training-code, data-pipeline$/,
        },
      ],
    },
    {
      name: "001's eleven rows at stage scaling: only what no row covers",
      yaml: `organisation:\n  name: O\n  stage: scaling\npeople: [{ id: ana, name: Ana }]\nraci:\n${rows(ELEVEN)}`,
      findings: [
        {
          line: 3,
          column: 10,
          message:
            /^4 activities expected at stage scaling have no RACI row: model-retraining, model-registry, code-review, security-review$/,
        },
      ],
    },
  ],
});
