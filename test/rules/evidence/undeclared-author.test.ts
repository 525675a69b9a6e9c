import rule from "../../../src/analysis/rules/evidence/undeclared-author.ts";
import { testRule } from "../../helpers.ts";
import { activity, contributor, report } from "./fixtures.ts";

const yaml = `people:
  - { id: alice, name: Alice, roles: [mlops-engineer] }
  - { id: bob, name: Bob, roles: [ml-engineer] }
raci:
  - { activity: docker-packaging, R: alice, A: alice }
`;

testRule(rule, {
  valid: [
    {
      name: "the main author is R",
      yaml,
      evidence: report([activity("docker-packaging", 4, [contributor("alice", 4, 1)], ["alice"])]),
    },
    {
      name: "an activity without a RACI row",
      yaml,
      evidence: report([activity("k8s-deployment", 2, [contributor("bob", 2, 1)], ["bob"])]),
    },
  ],
  invalid: [
    {
      name: "Bob and an unknown identity carry it",
      yaml,
      evidence: report([
        activity(
          "docker-packaging",
          4,
          [contributor("bob", 3, 1), contributor("git:x@y.com", 2, 0), contributor("alice", 1, 0)],
          ["bob", "git:x@y.com"],
        ),
      ]),
      findings: [
        {
          line: 5,
          column: 17,
          subject: "docker-packaging",
          message:
            /^Bob is a main author of docker-packaging \(3 of 4 files\) but neither Responsible nor Accountable$/,
        },
        {
          line: 5,
          column: 17,
          message: /^x@y\.com \(a git identity not in the model\) is a main author of docker-packaging/,
        },
      ],
    },
  ],
});
