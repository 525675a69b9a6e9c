import rule from "../../../src/analysis/rules/governance/qms-accountable.ts";
import { testRule } from "../../helpers.ts";

const QMS = [
  "ai-risk-management",
  "ai-data-governance",
  "ai-technical-documentation",
  "ai-record-keeping",
  "ai-post-market-monitoring",
  "ai-incident-reporting",
  "ai-change-management",
];
const model = (
  operator: string,
  rows: string[],
) => `organisation: { name: O, stage: scaling, frameworks: [eu-ai-act] }
people:
  - { id: ana, name: Ana, roles: [tech-lead] }
  - { id: bo, name: Bo, roles: [ml-engineer] }
teams: [{ id: t, type: product, members: [ana, bo] }]
products:
  - { id: scoring, team: t, stage: production, risk: high, operator: ${operator} }
raci:
${rows.map((r) => `  - ${r}`).join("\n")}
`;
const all = QMS.map((a) => `{ activity: ${a}, R: bo, A: ana }`);

testRule(rule, {
  valid: [
    { name: "every aspect has one Accountable", yaml: model("provider", all) },
    {
      name: "a deployer keeps no provider QMS",
      yaml: model("deployer", ["{ activity: model-serving, R: bo, A: ana }"]),
    },
  ],
  invalid: [
    {
      name: "two aspects missing, one with two Accountables",
      yaml: model("provider", [
        ...all.slice(0, 4),
        "{ activity: ai-post-market-monitoring, R: bo, A: [ana, bo] }",
      ]),
      findings: [
        {
          line: 7,
          column: 70,
          subject: "scoring:qms",
          severity: "info",
          message:
            /^the high-risk AI system scoring is provided with no RACI row for 2 aspects of its quality management system: ai-incident-reporting, ai-change-management \(EU AI Act Art\. 17\(1\)\) — applies from 2027-12-02 \(no `annex` recorded: taken as Annex III, the earlier date\)$/,
        },
        {
          line: 13,
          column: 54,
          subject: "scoring:ai-post-market-monitoring",
          severity: "info",
          message:
            /^ai-post-market-monitoring has 2 Accountable people \(Ana, Bo\), for the high-risk AI system scoring/,
        },
      ],
    },
  ],
});
