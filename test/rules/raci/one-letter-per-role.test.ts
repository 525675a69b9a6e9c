import rule from "../../../src/analysis/rules/raci/one-letter-per-role.ts";
import { testRule } from "../../helpers.ts";

const people = `people:
  - { id: ana, name: Ana, roles: [ml-engineer] }
  - { id: ben, name: Ben, roles: [mlops-engineer] }
`;

testRule(rule, {
  valid: [
    {
      name: "R with A",
      yaml: `${people}raci:\n  - { activity: docker-packaging, R: ml-engineer, A: ml-engineer }\n`,
    },
    {
      name: "a role and one of its holders are different references",
      yaml: `${people}raci:\n  - { activity: docker-packaging, R: ml-engineer, A: mlops-engineer, C: [ana] }\n`,
    },
  ],
  invalid: [
    {
      name: "R and C",
      yaml: `${people}raci:\n  - activity: docker-packaging\n    R: ml-engineer\n    A: mlops-engineer\n    C: [data-scientist, ml-engineer]\n`,
      findings: [{ line: 8, column: 25, message: /role ml-engineer has R and C on "Docker packaging"/ }],
    },
    {
      name: "R, A and I on one person",
      yaml: `${people}raci:\n  - activity: ci-cd-pipeline\n    R: ben\n    A: ben\n    I: ben\n`,
      findings: [{ line: 8, column: 8, message: /Ben \(ben\) has R and A and I/ }],
    },
    {
      name: "the same letter twice",
      yaml: `${people}raci:\n  - activity: ci-cd-pipeline\n    R: [ben, ben]\n    A: mlops-engineer\n`,
      findings: [{ line: 6, column: 14, message: /has R and R/ }],
    },
  ],
});
