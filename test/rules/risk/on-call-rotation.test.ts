import rule from "../../../src/analysis/rules/risk/on-call-rotation.ts";
import { testRule } from "../../helpers.ts";
import { activity, contributor, report } from "../evidence/fixtures.ts";

const people =
  "people:\n  - { id: meghan, name: Meghan, roles: [mlops-engineer] }\n  - { id: dan, name: Dan, roles: [mlops-engineer], leaves: 2026-01-31 }\n";

// k8s-deployment needs containerization and cloud-devops; only Meghan holds one at level 2.
const three = `people:
  - { id: meghan, name: Meghan, roles: [mlops-engineer], skills: { containerization: 3 } }
  - { id: dan, name: Dan, roles: [data-scientist] }
  - { id: eve, name: Eve, roles: [data-analyst], skills: { containerization: 1 } }
onCall:
  - { id: ops, activity: k8s-deployment, people: [meghan, dan, eve] }
`;

testRule(rule, {
  valid: [
    {
      name: "a rotation of two",
      yaml: "people:\n  - { id: a, name: A }\n  - { id: b, name: B }\nonCall:\n  - { id: ops, activity: k8s-deployment, people: [a, b] }\n",
    },
    {
      name: "a rotation of three whose members changed the activity's files lately",
      yaml: three,
      evidence: report([
        activity("k8s-deployment", 3, [contributor("dan", 2, 4), contributor("eve", 1, 2)], ["dan"]),
      ]),
    },
    {
      name: "counting everyone who is there (effective: false)",
      yaml: `${three}rules:\n  risk/on-call-rotation: { options: { effective: false } }\n`,
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
          message: /^on-call rotation ops \(k8s-deployment\) has only Meghan: an effective size of 1$/,
        },
      ],
    },
    {
      name: "a rotation of three where two show no knowledge has an effective size of one",
      yaml: three,
      findings: [
        {
          line: 6,
          column: 50,
          subject: "ops",
          severity: "warn",
          message:
            /^on-call rotation ops \(k8s-deployment\) has only Meghan: an effective size of 1 of 3 \(Dan, Eve show no knowledge of it: risk\/on-call-knowledge\)$/,
        },
      ],
    },
    {
      name: "nobody who knows it is an error",
      yaml: three.replace("containerization: 3", "containerization: 1"),
      findings: [
        {
          line: 6,
          column: 50,
          severity: "error",
          message: /has nobody: an effective size of 0 of 3 \(Meghan, Dan, Eve show no knowledge/,
        },
      ],
    },
  ],
});
