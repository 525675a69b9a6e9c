import rule from "../../../src/analysis/rules/skills/not-assessed.ts";
import { testRule } from "../../helpers.ts";

testRule(rule, {
  valid: [
    {
      name: "every level the role needs is recorded (0 included)",
      yaml: "people:\n  - { id: d, name: D, roles: [data-engineer], skills: { etl: 3, data-pipelines: 4, cloud-devops: 0 } }\n",
    },
    { name: "nobody holds a role", yaml: "people:\n  - { id: d, name: D }\n" },
  ],
  invalid: [
    {
      name: "one finding per person, listing what is not recorded",
      yaml: "people:\n  - { id: d, name: Dee, roles: [data-engineer], skills: { etl: 3 } }\n",
      findings: [
        {
          line: 2,
          column: 57,
          subject: "d",
          message:
            /^Dee's levels are not recorded for 2 competencies the data-engineer role needs: data-pipelines, cloud-devops$/,
        },
      ],
    },
    {
      name: "a person with nothing recorded, in a role held by job title",
      yaml: "people:\n  - { id: d, name: Dee, titles: [Data Engineer] }\n",
      findings: [{ line: 2, column: 11, message: /^Dee's levels are not recorded for 3 competencies/ }],
    },
  ],
});
