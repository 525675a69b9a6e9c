import rule from "../../../src/analysis/rules/skills/below-role-level.ts";
import { testRule } from "../../helpers.ts";

testRule(rule, {
  valid: [
    {
      name: "levels met",
      yaml: "people:\n  - { id: d, name: D, roles: [data-engineer], skills: { etl: 3, data-pipelines: 4, cloud-devops: 1 } }\n",
    },
    { name: "no skills recorded", yaml: "people:\n  - { id: d, name: D, roles: [data-engineer] }\n" },
    {
      name: "a competency with no recorded level is not assessed, not a gap",
      yaml: "people:\n  - { id: d, name: D, roles: [data-engineer], skills: { etl: 3 } }\n",
    },
    {
      name: "within the tolerance",
      yaml: "people:\n  - { id: d, name: D, roles: [data-engineer], skills: { etl: 2, data-pipelines: 2, cloud-devops: 0 } }\nrules:\n  skills/below-role-level: { options: { tolerance: 1 } }\n",
    },
  ],
  invalid: [
    {
      name: "a data engineer below level",
      yaml: "people:\n  - id: d\n    name: Dee\n    roles: [data-engineer]\n    skills: { etl: 2, data-pipelines: 3 }\n",
      findings: [
        {
          line: 4,
          column: 13,
          subject: "d",
          message: /^Dee is below the data-engineer levels: etl 2\/3$/,
        },
      ],
    },
    {
      name: "an explicit 0 is a real zero",
      yaml: "people:\n  - id: d\n    name: Dee\n    roles: [data-engineer]\n    skills: { etl: 3, data-pipelines: 3, cloud-devops: 0 }\n",
      findings: [
        { line: 4, column: 13, message: /^Dee is below the data-engineer levels: cloud-devops 0\/1$/ },
      ],
    },
    {
      name: "a role held by a job title counts",
      yaml: "people:\n  - id: d\n    name: Dee\n    titles: [Data Engineer]\n    skills: { etl: 1, data-pipelines: 3, cloud-devops: 1 }\n",
      findings: [{ line: 4, column: 14, message: /^Dee is below the data-engineer levels: etl 1\/3$/ }],
    },
  ],
});
