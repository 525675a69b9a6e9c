import rule from "../../../src/analysis/rules/evidence/truck-factor-one.ts";
import { testRule } from "../../helpers.ts";
import { activity, contributor, report } from "./fixtures.ts";

const yaml = `people:
  - { id: meghan, name: Meghan, roles: [mlops-engineer] }
raci:
  - { activity: k8s-deployment, R: meghan, A: meghan }
`;

testRule(rule, {
  valid: [
    {
      name: "two authors hold it",
      yaml,
      evidence: report([activity("k8s-deployment", 6, [contributor("meghan", 6, 1)], ["meghan", "git:o@x"])]),
    },
  ],
  invalid: [
    {
      name: "one author",
      yaml,
      evidence: report([activity("k8s-deployment", 6, [contributor("meghan", 6, 1)], ["meghan"])]),
      findings: [
        {
          line: 4,
          column: 17,
          subject: "k8s-deployment",
          message: /^the 6 files of k8s-deployment have a truck factor of 1: Meghan$/,
        },
      ],
    },
  ],
});
