import rule from "../../../src/analysis/rules/governance/responsibilities-acknowledged.ts";
import { testRule } from "../../helpers.ts";

const head = (
  frameworks = "[iso-42001]",
) => `organisation: { name: O, stage: scaling, frameworks: ${frameworks} }
people:
`;

testRule(rule, {
  valid: [
    {
      name: "every role acknowledged (Cy holds none)",
      yaml: `${head()}  - { id: ana, name: Ana, roles: [{ role: tech-lead, acknowledged: 2026-03-01 }] }
  - { id: cy, name: Cy }
`,
    },
    {
      name: "the EU AI Act alone does not turn it on",
      yaml: `${head("[eu-ai-act]")}  - { id: ana, name: Ana, roles: [tech-lead] }
`,
    },
  ],
  invalid: [
    {
      name: "a role written as a bare id, and one not acknowledged",
      yaml: `${head("[nist-ai-rmf]")}  - { id: ana, name: Ana, roles: [tech-lead, { role: ml-engineer, allocation: 20, acknowledged: 2026-01-05 }] }
  - { id: bo, name: Bo, roles: [{ role: data-scientist, allocation: 100 }] }
`,
      findings: [
        {
          line: 3,
          column: 34,
          subject: "acknowledged",
          message:
            /^2 roles are held without a record that the person accepted its responsibilities \(ISO\/IEC 42001 5\.3\): Ana \(tech-lead\), Bo \(data-scientist\)$/,
        },
      ],
    },
  ],
});
