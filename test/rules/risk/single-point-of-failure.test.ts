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
      name: "someone else has the skills to step in (recorded at the activity's levels)",
      yaml: "people:\n  - { id: meghan, name: Meghan, roles: [mlops-engineer] }\n  - { id: dan, name: Dan, roles: [data-scientist], skills: { cloud-devops: 3, software-engineering: 3, containerization: 3 } }\nraci:\n  - { activity: ci-cd-pipeline, R: meghan, A: meghan }\n",
    },
    {
      name: "a leadership activity owned by its one role is the design (002), not a risk",
      yaml: "people:\n  - { id: pm, name: Pat, roles: [outside-to-inside] }\nraci:\n  - { activity: strategic-roadmap, R: pm, A: pm }\n",
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
          message:
            /^2 activities rest on Meghan alone, with nobody assigned or skilled to step in: ci-cd-pipeline, k8s-deployment$/,
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
          message: /monitoring-setup — production-critical, with a product in production$/,
        },
      ],
    },
    {
      name: "an activity with nobody to do it (one finding per row; the same severity as resting on one person)",
      yaml: `${people}raci:\n  - { activity: data-pipeline, R: data-engineer, A: dan }\n`,
      findings: [
        {
          line: 5,
          column: 35,
          subject: "data-pipeline",
          severity: "warn",
          message: /^"Data pipeline" has nobody to do the work \(R\)$/,
        },
      ],
    },
    {
      name: "one finding per person, with the dates they are away (absence-coverage does not repeat it)",
      yaml: "people:\n  - { id: meghan, name: Meghan, roles: [mlops-engineer], absences: [{ from: 2026-12-21, to: 2027-01-08 }] }\nraci:\n  - { activity: ci-cd-pipeline, R: meghan, A: meghan }\n",
      findings: [{ line: 2, column: 11, message: /; Meghan is away 2026-12-21 – 2027-01-08$/ }],
    },
  ],
});
