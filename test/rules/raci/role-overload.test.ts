import rule from "../../../src/analysis/rules/raci/role-overload.ts";
import { testRule } from "../../helpers.ts";

const rows = `people:
  - { id: meghan, name: Meghan, roles: [mlops-engineer] }
raci:
  - { activity: ci-cd-pipeline, R: meghan, A: meghan }
  - { activity: k8s-deployment, R: meghan, A: meghan }
  - { activity: monitoring-setup, R: mlops-engineer, A: meghan }
`;

testRule(rule, {
  valid: [{ name: "within the default limit", yaml: rows }],
  invalid: [
    {
      name: "a person R or A on three activities when two are allowed",
      yaml: `${rows}rules:\n  raci/role-overload: { options: { max: 2 } }\n`,
      findings: [
        {
          line: 4,
          column: 36,
          subject: "meghan",
          message: /person meghan is Responsible or Accountable for 3 activities \(at most 2\)/,
        },
      ],
    },
  ],
});
