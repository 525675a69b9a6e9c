import rule from "../../../src/analysis/rules/governance/sponsor-accepts-risk.ts";
import { testRule } from "../../helpers.ts";

const model = (row: string) => `organisation: { name: O, stage: scaling, frameworks: [nist-ai-rmf] }
people:
  - { id: eve, name: Eve, roles: [executive-sponsor] }
  - { id: tl, name: Tam, roles: [tech-lead] }
${row ? `raci:\n  - ${row}\n` : ""}`;

testRule(rule, {
  valid: [
    { name: "the sponsor accepts the risk", yaml: model("{ activity: ai-risk-acceptance, R: tl, A: eve }") },
    {
      name: "the sponsor as a stakeholder who is a person",
      yaml: `organisation: { name: O, stage: scaling, frameworks: [nist-ai-rmf] }
people:
  - { id: eve, name: Eve, roles: [cio] }
stakeholders:
  - { kind: executive-sponsor, person: eve }
raci:
  - { activity: ai-risk-acceptance, R: eve, A: eve }
`,
    },
  ],
  invalid: [
    {
      name: "the tech lead accepts it",
      yaml: model("{ activity: ai-risk-acceptance, R: tl, A: tl }"),
      findings: [
        {
          line: 6,
          column: 47,
          subject: "ai-risk-acceptance",
          message:
            /^accepting AI risk is on Tam, not the executive sponsor \(Eve\) \(NIST AI RMF GOVERN 2\.3\)$/,
        },
      ],
    },
    {
      name: "no row at all",
      yaml: model(""),
      findings: [
        {
          line: 1,
          column: 54,
          subject: "ai-risk-acceptance",
          message: /^nobody is Accountable for accepting AI risk/,
        },
      ],
    },
  ],
});
