import rule from "../../../src/analysis/rules/staffing/minimum-team.ts";
import { testRule } from "../../helpers.ts";

const lead = "  - { id: lead, name: Lena, roles: [lead-data-scientist], skills: { statistics-ml: 3 } }\n";

testRule(rule, {
  valid: [
    {
      name: "starting with a qualified lead",
      yaml: `organisation: { name: O, stage: starting }\npeople:\n${lead}`,
    },
    {
      name: "scaling with the minimum team of 000",
      yaml: `organisation: { name: O, stage: scaling }
people:
  - { id: t, name: T, roles: [tech-lead], skills: { statistics-ml: 4 } }
  - { id: d, name: D, roles: [data-scientist] }
  - { id: m, name: M, roles: [ml-engineer] }
  - { id: e, name: E, roles: [data-engineer] }
`,
    },
  ],
  invalid: [
    {
      name: "starting without a lead",
      yaml: "organisation:\n  name: O\n  stage: starting\npeople:\n  - { id: d, name: D, roles: [data-scientist] }\n",
      findings: [{ line: 3, column: 10, subject: "tech-lead", message: /no lead practitioner/ }],
    },
    {
      name: "a lead below intermediate level",
      yaml: "organisation:\n  name: O\n  stage: starting\npeople:\n  - { id: t, name: Tim, roles: [tech-lead], skills: { statistics-ml: 2 } }\n",
      findings: [{ line: 3, column: 10, message: /the lead \(Tim\) has statistics-ml below 3/ }],
    },
    {
      name: "scaling without ML and data engineers",
      yaml: `organisation:\n  name: O\n  stage: scaling\npeople:\n${lead}  - { id: d, name: D, roles: [data-scientist] }\n`,
      findings: [
        { line: 3, column: 10, subject: "data-engineer", message: /has no Data engineer/ },
        { line: 3, column: 10, subject: "ml-engineer", message: /has no ML engineer/ },
      ],
    },
  ],
});
