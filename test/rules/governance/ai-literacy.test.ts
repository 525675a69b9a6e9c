import rule from "../../../src/analysis/rules/governance/ai-literacy.ts";
import { testRule } from "../../helpers.ts";

// The tests run on 2026-11-22.
const model = (
  ana: string,
  bo: string,
  frameworks = "[eu-ai-act]",
) => `organisation: { name: O, stage: scaling, frameworks: ${frameworks} }
people:
  - { id: ana, name: Ana, roles: [data-scientist]${ana} }
  - { id: bo, name: Bo, roles: [ml-engineer]${bo} }
  - { id: cy, name: Cy }
`;
const current = ", training: [{ topic: ai-literacy, date: 2026-02-01, expires: 2027-02-01 }]";

testRule(rule, {
  valid: [
    { name: "everyone with a role is trained (Cy holds none)", yaml: model(current, current) },
    {
      name: "ISO/IEC 42001 alone turns it on too, and all are trained",
      yaml: model(current, current, "[iso-42001]"),
    },
    { name: "no framework: not checked", yaml: model("", "", "[]") },
  ],
  invalid: [
    {
      name: "one has none, one has expired",
      yaml: model("", ", training: [{ topic: AI literacy, date: 2024-01-10, expires: 2025-01-10 }]"),
      findings: [
        {
          line: 3,
          column: 11,
          subject: "ai-literacy",
          // Art. 4 is enforced since 2025-08-02: under the EU AI Act, an error.
          severity: "error",
          message:
            /^2 people hold a role on the AI systems without current AI-literacy training \(EU AI Act Art\. 4\): Ana \(none on record\), Bo \(expired, from 2024-01-10\) — applies since 2025-08-02$/,
        },
      ],
    },
    {
      name: "under ISO/IEC 42001 alone: the rule's own severity, no date",
      yaml: model("", current, "[iso-42001]"),
      findings: [
        {
          line: 3,
          column: 11,
          severity: "warn",
          message:
            /^1 person holds a role on the AI systems without current AI-literacy training \(EU AI Act Art\. 4\): Ana \(none on record\)$/,
        },
      ],
    },
  ],
});
