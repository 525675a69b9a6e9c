import rule from "../../../src/analysis/rules/governance/third-party-accountable.ts";
import { testRule } from "../../helpers.ts";

const model = (row: string) => `organisation: { name: O, stage: scaling, frameworks: [iso-42001] }
people:
  - { id: ana, name: Ana, roles: [tech-lead] }
  - { id: vic, name: Vic, roles: [mlops-engineer], employment: vendor }
  - { id: cy, name: Cy, roles: [ml-engineer], employment: contractor }
raci:
  - ${row}
`;

testRule(rule, {
  valid: [
    {
      name: "a vendor does it, an employee is Accountable",
      yaml: model("{ activity: model-serving, R: vic, A: ana }"),
    },
    { name: "employees only", yaml: model("{ activity: model-serving, R: ana, A: ana }") },
  ],
  invalid: [
    {
      name: "a vendor does it and a contractor is Accountable",
      yaml: model("{ activity: model-serving, R: vic, A: cy }"),
      findings: [
        {
          line: 7,
          column: 43,
          subject: "model-serving",
          message:
            /^model-serving is done by Vic \(vendor\) and has only outside Accountables: Cy \(ISO\/IEC 42001 A\.10\.2\)$/,
        },
      ],
    },
  ],
});
