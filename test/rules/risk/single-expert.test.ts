import rule from "../../../src/analysis/rules/risk/single-expert.ts";
import { testRule } from "../../helpers.ts";

testRule(rule, {
  valid: [
    {
      name: "two people at working level",
      yaml: "people:\n  - { id: a, name: A, skills: { containerization: 3 } }\n  - { id: b, name: B, skills: { containerization: 4 } }\nraci:\n  - { activity: docker-packaging, R: a, A: b }\n",
    },
    {
      name: "a competency no activity in the RACI needs",
      yaml: "people:\n  - { id: a, name: A, skills: { etl: 4 } }\n",
    },
  ],
  invalid: [
    {
      name: "one expert",
      yaml: "people:\n  - { id: meghan, name: Meghan, skills: { containerization: 4 } }\n  - { id: dan, name: Dan, skills: { containerization: 1 } }\nraci:\n  - { activity: docker-packaging, R: meghan, A: dan }\n",
      findings: [
        {
          line: 2,
          column: 61,
          subject: "meghan",
          message: /only Meghan has Containerization at level 3 or above/,
        },
      ],
    },
  ],
});
