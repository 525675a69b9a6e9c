import rule from "../../../src/analysis/rules/raci/responsible-present.ts";
import { testRule } from "../../helpers.ts";

const people = "people:\n  - { id: ana, name: Ana, roles: [mlops-engineer] }\n";

testRule(rule, {
  valid: [
    {
      name: "R and A",
      yaml: `${people}raci:\n  - { activity: monitoring-setup, R: mlops-engineer, A: mlops-engineer }\n`,
    },
    { name: "R only", yaml: `${people}raci:\n  - { activity: monitoring-setup, R: ana }\n` },
  ],
  invalid: [
    {
      name: "A only: the Accountable is the implied doer (a warning)",
      yaml: `${people}raci:\n  - activity: monitoring-setup\n    A: ana\n`,
      findings: [
        {
          line: 4,
          column: 15,
          severity: "warn",
          message: /implied that the Accountable, Ana \(ana\), does the work/,
        },
      ],
    },
    {
      name: "neither R nor A (an error)",
      yaml: `${people}raci:\n  - activity: monitoring-setup\n    C: [mlops-engineer]\n`,
      findings: [
        { line: 4, column: 15, severity: "error", message: /has neither a Responsible nor an Accountable/ },
      ],
    },
  ],
});
