import assert from "node:assert/strict";
import { it } from "node:test";
import rule from "../../../src/analysis/rules/staffing/over-allocation.ts";
import { checkText, testRule } from "../../helpers.ts";

testRule(rule, {
  valid: [
    {
      name: "exactly 100%",
      yaml: "people:\n  - id: a\n    name: A\n    roles:\n      - { role: data-scientist, allocation: 60 }\n      - { role: ml-engineer, allocation: 40 }\n",
    },
    {
      name: "roles without allocations share the time",
      yaml: "people:\n  - { id: a, name: A, roles: [data-scientist, ml-engineer, data-engineer] }\n",
    },
  ],
  invalid: [
    {
      name: "150% across three roles",
      yaml: "people:\n  - id: meghan\n    name: Meghan\n    roles:\n      - { role: mlops-engineer, allocation: 70 }\n      - { role: data-engineer, allocation: 50 }\n      - { role: ml-engineer, allocation: 30 }\n",
      findings: [
        {
          line: 5,
          column: 7,
          subject: "meghan",
          message: /Meghan is allocated 150% across mlops-engineer 70%, data-engineer 50%, ml-engineer 30%/,
        },
      ],
    },
    {
      name: "stated allocations over 100% leave nothing for the unstated one",
      yaml: "people:\n  - id: b\n    name: B\n    roles:\n      - { role: data-scientist, allocation: 120 }\n      - ml-engineer\n",
      findings: [
        { line: 5, column: 7, message: /allocated 120% across data-scientist 120%, ml-engineer 0%/ },
      ],
    },
  ],
});

it("staffing/over-allocation honours its max option", () => {
  const yaml = `people:
  - id: a
    name: A
    roles:
      - { role: data-scientist, allocation: 110 }
rules:
  staffing/over-allocation: { options: { max: 120 } }
`;
  assert.deepEqual(checkText(yaml, [rule]).doctor?.findings, []);
});
