import rule from "../../../src/analysis/rules/evidence/responsible-inactive.ts";
import { testRule } from "../../helpers.ts";
import { activity, contributor, report } from "./fixtures.ts";

const yaml = `people:
  - { id: alice, name: Alice, roles: [mlops-engineer] }
  - { id: bob, name: Bob, roles: [ml-engineer] }
raci:
  - { activity: ci-cd-pipeline, R: alice, A: bob }
`;

testRule(rule, {
  valid: [
    {
      name: "the Responsible changed the files",
      yaml,
      evidence: report([
        activity("ci-cd-pipeline", 3, [contributor("alice", 2, 5), contributor("bob", 1, 9)], ["bob"]),
      ]),
    },
    {
      name: "nobody changed them lately",
      yaml,
      evidence: report([activity("ci-cd-pipeline", 3, [contributor("bob", 3, 0)], ["bob"])]),
    },
  ],
  invalid: [
    {
      name: "Alice is Responsible but Bob made the changes",
      yaml,
      evidence: report([
        activity("ci-cd-pipeline", 3, [contributor("bob", 3, 12), contributor("alice", 0, 0)], ["bob"]),
      ]),
      findings: [
        {
          line: 5,
          column: 36,
          subject: "ci-cd-pipeline",
          message:
            /^Alice is Responsible for ci-cd-pipeline but has not changed its files since 2025-12; Bob \(12\) did$/,
        },
      ],
    },
  ],
});
