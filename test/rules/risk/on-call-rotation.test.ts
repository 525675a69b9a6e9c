import rule from "../../../src/analysis/rules/risk/on-call-rotation.ts";
import { testRule } from "../../helpers.ts";

const people =
  "people:\n  - { id: meghan, name: Meghan, roles: [mlops-engineer] }\n  - { id: dan, name: Dan, roles: [mlops-engineer], leaves: 2026-01-31 }\n";

testRule(rule, {
  valid: [
    {
      name: "a rotation of two",
      yaml: "people:\n  - { id: a, name: A }\n  - { id: b, name: B }\nonCall:\n  - { id: ops, activity: k8s-deployment, people: [a, b] }\n",
    },
  ],
  invalid: [
    {
      name: "a rotation of one, once the other has left",
      yaml: `${people}onCall:\n  - { id: ops, activity: k8s-deployment, people: [meghan, dan] }\n`,
      findings: [
        {
          line: 5,
          column: 50,
          subject: "ops",
          severity: "warn",
          message: /^on-call rotation ops \(k8s-deployment\) has only Meghan$/,
        },
      ],
    },
  ],
});
