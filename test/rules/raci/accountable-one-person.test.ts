import rule from "../../../src/analysis/rules/raci/accountable-one-person.ts";
import { testRule } from "../../helpers.ts";

const two = `people:
  - { id: ana, name: Ana, roles: [mlops-engineer] }
  - { id: ben, name: Ben, roles: [mlops-engineer] }
  - { id: cy, name: Cy, roles: [ml-engineer] }
`;

testRule(rule, {
  valid: [
    {
      name: "a role held by one person",
      yaml: `${two}raci:\n  - { activity: docker-packaging, R: mlops-engineer, A: ml-engineer }\n`,
    },
    {
      name: "a person",
      yaml: `${two}raci:\n  - { activity: ci-cd-pipeline, R: mlops-engineer, A: person:ana }\n`,
    },
    {
      name: "a product row resolves the role within the product's team",
      yaml: `${two}teams:
  - { id: a, type: product, members: [ana] }
  - { id: b, type: product, members: [ben] }
products: [{ id: p, team: a, stage: production }]
raci:
  - { activity: ci-cd-pipeline, product: p, R: mlops-engineer, A: mlops-engineer }
`,
    },
  ],
  invalid: [
    {
      name: "a role held by two people",
      yaml: `${two}raci:\n  - activity: ci-cd-pipeline\n    R: mlops-engineer\n    A: mlops-engineer\n`,
      findings: [
        {
          line: 8,
          column: 8,
          subject: "mlops-engineer",
          message:
            /^role mlops-engineer is the Accountable of "CI\/CD pipeline", and 2 people hold it \(Ana, Ben\)/,
        },
      ],
    },
    {
      name: "one finding per role, listing its rows (a second holder is a backup, not a problem per row)",
      yaml: `${two}raci:\n  - { activity: ci-cd-pipeline, R: mlops-engineer, A: mlops-engineer }\n  - { activity: k8s-deployment, R: mlops-engineer, A: mlops-engineer }\n`,
      findings: [
        {
          line: 6,
          column: 55,
          message: /Accountable of 2 activities \("CI\/CD pipeline", "K8s deployment"\)/,
        },
      ],
    },
  ],
});
