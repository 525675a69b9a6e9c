import rule from "../../../src/analysis/rules/risk/single-point-of-failure.ts";
import { testRule } from "../../helpers.ts";

const people = `people:
  - { id: meghan, name: Meghan, roles: [mlops-engineer] }
  - { id: dan, name: Dan, roles: [data-scientist] }
`;

testRule(rule, {
  valid: [
    {
      name: "R and A are two people",
      yaml: `${people}raci:\n  - { activity: ci-cd-pipeline, R: meghan, A: dan }\n`,
    },
    {
      name: "a role held by two",
      yaml: "people:\n  - { id: a, name: A, roles: [mlops-engineer] }\n  - { id: b, name: B, roles: [mlops-engineer] }\nraci:\n  - { activity: ci-cd-pipeline, R: mlops-engineer, A: person:a }\n",
    },
  ],
  invalid: [
    {
      name: "one finding per person, listing the activities",
      yaml: `${people}raci:\n  - { activity: ci-cd-pipeline, R: meghan, A: meghan }\n  - { activity: k8s-deployment, R: mlops-engineer, A: meghan, I: dan }\n`,
      findings: [
        {
          line: 2,
          column: 11,
          subject: "meghan",
          severity: "warn",
          message: /^2 activities rest on Meghan alone \(every R and A\): ci-cd-pipeline, k8s-deployment$/,
        },
      ],
    },
    {
      name: "an error for production-critical work while a product is in production",
      yaml: `${people}teams: [{ id: t, type: full-stack, members: [meghan, dan] }]\nproducts: [{ id: p, team: t, stage: production }]\nraci:\n  - { activity: monitoring-setup, R: meghan, A: meghan }\n`,
      findings: [
        {
          line: 2,
          column: 11,
          severity: "error",
          message: /production-critical work, with a product in production/,
        },
      ],
    },
  ],
});
