import rule from "../../../src/analysis/rules/governance/human-oversight.ts";
import { testRule } from "../../helpers.ts";

const head = (
  frameworks = "[eu-ai-act]",
) => `organisation: { name: O, stage: scaling, frameworks: ${frameworks} }
people:
  - id: ana
    name: Ana
    roles: [tech-lead]
    training: [{ topic: human-oversight, date: 2026-03-01 }]
    skills: { monitoring-logging: 2, statistics-ml: 3 }
  - { id: bo, name: Bo, roles: [ml-engineer] }
teams: [{ id: t, type: product, members: [ana, bo] }]
`;

testRule(rule, {
  valid: [
    {
      name: "a trained overseer who is Accountable for the system",
      yaml: `${head()}products:
  - { id: scoring, team: t, stage: production, risk: high, operator: deployer, oversight: [ana] }
raci:
  - { activity: model-serving, product: scoring, R: bo, A: ana }
`,
    },
    {
      name: "the framework is not on: the rule does not run",
      yaml: `${head("[]")}products:
  - { id: scoring, team: t, stage: production, risk: high, operator: deployer }
`,
    },
    {
      name: "a limited-risk system needs no named oversight",
      yaml: `${head()}products:
  - { id: chat, team: t, stage: production, risk: limited, operator: deployer }
`,
    },
  ],
  invalid: [
    {
      name: "a high-risk system deployed with no oversight (Art. 26(2))",
      yaml: `${head()}products:
  - { id: scoring, team: t, stage: production, risk: high, operator: deployer }
`,
      findings: [
        {
          line: 11,
          column: 54,
          subject: "scoring",
          // The tests run on 2026-11-22, over 180 days before Annex III's date: info.
          severity: "info",
          message:
            /^the high-risk AI system scoring has no human oversight assigned to named people \(EU AI Act Art\. 26\(2\)\) — applies from 2027-12-02 \(no `annex` recorded: taken as Annex III, the earlier date\)$/,
        },
      ],
    },
    {
      name: "an Annex I system: its own date",
      yaml: `${head()}products:
  - { id: scoring, team: t, stage: production, risk: high, annex: I, operator: deployer }
`,
      findings: [
        {
          line: 11,
          column: 54,
          severity: "info",
          message:
            /no human oversight assigned to named people \(EU AI Act Art\. 26\(2\)\) — applies from 2028-08-02 \(Annex I\)$/,
        },
      ],
    },
    {
      name: "an overseer with no training on record, no authority and no recorded competence",
      yaml: `${head()}products:
  - { id: scoring, team: t, stage: production, risk: high, operator: provider, oversight: [bo] }
raci:
  - { activity: model-serving, product: scoring, R: bo, A: ana }
`,
      findings: [
        {
          line: 11,
          column: 92,
          severity: "info",
          subject: "scoring:bo",
          message:
            /^Bo oversees the high-risk AI system scoring with no training on record, no authority \(Accountable for none of its rows\), no recorded competence in monitoring-logging, statistics-ml/,
        },
      ],
    },
  ],
});
