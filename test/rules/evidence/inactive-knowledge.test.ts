import rule from "../../../src/analysis/rules/evidence/inactive-knowledge.ts";
import { testRule } from "../../helpers.ts";
import { activity, contributor, report } from "./fixtures.ts";

const yaml = `people:
  - { id: meghan, name: Meghan, roles: [mlops-engineer] }
  - { id: dan, name: Dan, roles: [ml-engineer] }
raci:
  - { activity: k8s-deployment, R: meghan, A: meghan }
`;

testRule(rule, {
  valid: [
    {
      name: "an active author remains",
      yaml,
      evidence: report([
        activity(
          "k8s-deployment",
          6,
          [contributor("meghan", 4, 2), contributor("dan", 2, 0, false)],
          ["meghan"],
        ),
      ]),
    },
    {
      name: "no authors at all (nothing to lose)",
      yaml,
      evidence: report([activity("k8s-deployment", 6, [], [], [])]),
    },
  ],
  invalid: [
    {
      name: "every author has gone quiet",
      yaml,
      evidence: report([
        activity(
          "k8s-deployment",
          6,
          [contributor("dan", 5, 0, false), contributor("git:old@x.org", 1, 0, false)],
          ["dan"],
          [],
        ),
      ]),
      findings: [
        {
          line: 5,
          column: 17,
          subject: "k8s-deployment",
          message:
            /^the knowledge of k8s-deployment \(6 files\) rests on people with no commit or review since 2025-12 or who have left: Dan \(last 2024-03-01\), old@x\.org \(last 2024-03-01\)$/,
        },
      ],
    },
  ],
});
