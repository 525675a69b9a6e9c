import rule from "../../../src/analysis/rules/skills/activity-gap.ts";
import { testRule } from "../../helpers.ts";

testRule(rule, {
  valid: [
    {
      name: "someone has the level",
      yaml: "people:\n  - { id: a, name: A, skills: { containerization: 3 } }\nraci:\n  - { activity: docker-packaging, R: a, A: a }\n",
    },
    {
      name: "no skills recorded at all",
      yaml: "people:\n  - { id: a, name: A }\nraci:\n  - { activity: docker-packaging, R: a, A: a }\n",
    },
  ],
  invalid: [
    {
      name: "nobody at the level an activity needs",
      yaml: "people:\n  - { id: a, name: A, skills: { containerization: 1 } }\nraci:\n  - { activity: docker-packaging, R: a, A: a }\n",
      findings: [
        {
          line: 4,
          column: 17,
          subject: "containerization",
          message:
            /Containerization is needed at level 3 by docker-packaging, but the best level in the team is 1/,
        },
      ],
    },
  ],
});
