import rule from "../../../src/analysis/rules/raci/uncovered.ts";
import { testRule } from "../../helpers.ts";

const people = "people:\n  - { id: ana, name: Ana, roles: [data-scientist] }\n";

testRule(rule, {
  valid: [
    {
      name: "roles and people that are there",
      yaml: `${people}raci:\n  - { activity: data-exploration, R: data-scientist, A: ana }\n`,
    },
    {
      name: "only C and I nobody fills",
      yaml: `${people}raci:\n  - { activity: data-exploration, R: ana, A: ana, C: data-engineer }\n`,
    },
  ],
  invalid: [
    {
      name: "a Responsible role nobody holds",
      yaml: `${people}raci:\n  - activity: data-pipeline\n    R: data-engineer\n    A: ana\n`,
      findings: [
        {
          line: 5,
          column: 8,
          subject: "data-pipeline",
          severity: "warn",
          message: /"Data pipeline" has nobody to do the work \(R\)$/,
        },
      ],
    },
    {
      name: "production-critical work with nobody to do it or answer for it",
      yaml: `${people}teams: [{ id: t, type: product, members: [ana] }]\nproducts: [{ id: p, team: t, stage: production }]\nraci:\n  - { activity: data-pipeline, R: data-engineer, A: mlops-engineer }\n`,
      findings: [
        {
          line: 6,
          column: 35,
          severity: "error",
          message: /has nobody to do the work \(R\) and nobody to answer for it \(A\) — production-critical/,
        },
      ],
    },
  ],
});
