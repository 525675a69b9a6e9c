import rule from "../../../src/analysis/rules/staffing/growth-path.ts";
import { testRule } from "../../helpers.ts";

const five = ["a", "b", "c", "d", "e"]
  .map((id) => `  - { id: ${id}, name: ${id.toUpperCase()}, roles: [data-scientist] }\n`)
  .join("");

testRule(rule, {
  valid: [
    {
      name: "starting with one practitioner",
      yaml: "organisation: { name: O, stage: starting }\npeople:\n  - { id: a, name: A, roles: [lead-data-scientist] }\n",
    },
    {
      name: "mature with three dedicated people",
      yaml: "organisation: { name: O, stage: mature }\npeople:\n  - { id: a, name: A, roles: [tech-lead] }\n  - { id: b, name: B, roles: [ml-engineer] }\n  - { id: c, name: C, roles: [{ role: data-engineer, allocation: 50 }] }\n",
    },
  ],
  invalid: [
    {
      name: "starting with five practitioners",
      yaml: `organisation:\n  name: O\n  stage: starting\npeople:\n${five}`,
      findings: [
        {
          line: 3,
          column: 10,
          severity: "info",
          message: /stage is starting, but 5 people work in the ML practice/,
        },
      ],
    },
    {
      name: "scaling with one practitioner",
      yaml: "organisation:\n  name: O\n  stage: scaling\npeople:\n  - { id: a, name: A, roles: [data-scientist] }\n  - { id: s, name: S, roles: [executive-sponsor] }\n",
      findings: [
        { line: 3, column: 10, message: /stage is scaling, but only 1 person works in the ML practice/ },
      ],
    },
    {
      name: "mature with part-timers only",
      yaml: "organisation:\n  name: O\n  stage: mature\npeople:\n  - { id: a, name: A, roles: [{ role: data-scientist, allocation: 30 }] }\n  - { id: b, name: B, roles: [ml-engineer] }\n",
      findings: [{ line: 3, column: 10, message: /only 1 person is dedicated \(≥ 50%\)/ }],
    },
  ],
});
