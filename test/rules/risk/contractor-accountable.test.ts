import rule from "../../../src/analysis/rules/risk/contractor-accountable.ts";
import { testRule } from "../../helpers.ts";

const prod =
  "teams: [{ id: t, type: product, members: [cy, em] }]\nproducts: [{ id: p, team: t, stage: production }]\n";

testRule(rule, {
  valid: [
    {
      name: "an employee is Accountable; the contractor does the work",
      yaml: `people:\n  - { id: cy, name: Cy, roles: [mlops-engineer], employment: contractor }\n  - { id: em, name: Em, roles: [mlops-engineer] }\n${prod}raci:\n  - { activity: monitoring-setup, R: cy, A: em }\n`,
    },
    {
      name: "no product in production",
      yaml: "people:\n  - { id: cy, name: Cy, roles: [mlops-engineer], employment: vendor }\nraci:\n  - { activity: monitoring-setup, R: cy, A: cy }\n",
    },
  ],
  invalid: [
    {
      name: "production-critical work answered for only by a contractor",
      yaml: `people:\n  - { id: cy, name: Cy, roles: [mlops-engineer], employment: contractor }\n  - { id: em, name: Em, roles: [data-scientist] }\n${prod}raci:\n  - { activity: monitoring-setup, R: em, A: cy }\n`,
      findings: [
        {
          line: 7,
          column: 45,
          subject: "monitoring-setup",
          message: /answered for only by Cy \(contractor\)$/,
        },
      ],
    },
  ],
});
