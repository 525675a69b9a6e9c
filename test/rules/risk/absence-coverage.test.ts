import rule from "../../../src/analysis/rules/risk/absence-coverage.ts";
import { testRule } from "../../helpers.ts";

const yaml = (absence: string, extra = "") => `people:
  - id: meghan
    name: Meghan
    roles: [mlops-engineer]
    absences: [${absence}]
  - { id: dan, name: Dan, roles: [data-scientist]${extra} }
raci:
  - { activity: ci-cd-pipeline, R: meghan, A: dan }
  - { activity: monitoring-setup, R: [meghan, dan], A: dan }
`;

testRule(rule, {
  valid: [
    {
      name: "an absence in the past (tests run on 2026-11-22)",
      yaml: yaml("{ from: 2026-01-01, to: 2026-01-10 }"),
    },
    {
      name: "activities with someone else",
      yaml: "people:\n  - { id: m, name: M, absences: [{ from: 2026-12-01, to: 2026-12-05 }] }\n  - { id: d, name: D }\nraci:\n  - { activity: ci-cd-pipeline, R: [m, d], A: d }\n",
    },
  ],
  invalid: [
    {
      name: "a holiday that leaves CI/CD without its Responsible",
      yaml: yaml("{ from: 2026-12-21, to: 2027-01-08, reason: holiday }"),
      findings: [
        {
          line: 5,
          column: 16,
          subject: "meghan",
          message:
            /while Meghan is away 2026-12-21 – 2027-01-08, 1 activity has nobody: ci-cd-pipeline \(R\)$/,
        },
      ],
    },
    {
      name: "overlapping absences count together",
      yaml: yaml(
        "{ from: 2026-12-21, to: 2027-01-08 }",
        ", absences: [{ from: 2027-01-02, to: 2027-01-03 }]",
      ),
      findings: [
        {
          line: 5,
          column: 16,
          subject: "meghan",
          message: /2 activities have nobody: ci-cd-pipeline \(R\/A\), monitoring-setup \(R\/A\)$/,
        },
        {
          line: 6,
          column: 63,
          subject: "dan",
          message: /while Dan is away 2027-01-02 – 2027-01-03, 2 activities have nobody/,
        },
      ],
    },
  ],
});
