import rule from "../../../src/analysis/rules/governance/stakeholders.ts";
import { testRule } from "../../helpers.ts";

const all = `stakeholders:
  - { kind: cio, name: Office of the CIO }
  - { kind: ciso, name: Security office }
  - { kind: solution-architect, name: Ray }
  - { kind: data-governance, name: Data board }
`;

testRule(rule, {
  valid: [
    { name: "stage starting without production", yaml: "organisation: { name: O, stage: starting }\n" },
    { name: "all four listed and engaged", yaml: `organisation: { name: O, stage: scaling }\n${all}` },
    {
      name: "a person holding the role counts as listed",
      yaml: `organisation: { name: O, stage: scaling }\npeople:\n  - { id: c, name: C, roles: [cio] }\n${all.replace("  - { kind: cio, name: Office of the CIO }\n", "")}`,
    },
  ],
  invalid: [
    {
      name: "the CISO not engaged, the others not listed",
      yaml: "organisation:\n  name: O\n  stage: scaling\nstakeholders:\n  - { kind: ciso, name: Security office, engaged: false }\n",
      findings: [
        { line: 3, column: 10, subject: "solution-architect", message: /a solution architect is not listed/ },
        { line: 3, column: 10, subject: "cio", message: /the CIO is not listed/ },
        {
          line: 3,
          column: 10,
          subject: "data-governance",
          message: /the data governance team is not listed/,
        },
        { line: 5, column: 51, subject: "ciso", message: /the CISO is listed but not engaged/ },
      ],
    },
  ],
});
