import rule from "../../../src/analysis/rules/governance/oversight-absence.ts";
import { testRule } from "../../helpers.ts";

// The tests run on 2026-11-22.
const model = (
  ana: string,
  bo: string,
  oversight = "[ana, bo]",
) => `organisation: { name: O, stage: scaling, frameworks: [eu-ai-act] }
people:
  - { id: ana, name: Ana, roles: [tech-lead]${ana} }
  - { id: bo, name: Bo, roles: [ml-engineer]${bo} }
teams: [{ id: t, type: product, members: [ana, bo] }]
products:
  - { id: scoring, team: t, stage: production, risk: high, operator: deployer, oversight: ${oversight} }
`;

testRule(rule, {
  valid: [
    {
      name: "two overseers away at different times",
      yaml: model(
        ", absences: [{ from: 2026-12-01, to: 2026-12-14 }]",
        ", absences: [{ from: 2026-12-15, to: 2026-12-31 }]",
      ),
    },
    {
      name: "an absence that is over",
      yaml: model(", absences: [{ from: 2026-01-01, to: 2026-01-14 }]", "", "[ana]"),
    },
  ],
  invalid: [
    {
      name: "the only overseer is away next month",
      yaml: model(", absences: [{ from: 2026-12-20, to: 2027-01-05 }]", "", "[ana]"),
      findings: [
        {
          line: 7,
          column: 92,
          subject: "scoring:ana:2026-12-20",
          severity: "info",
          message:
            /^from 2026-12-20 to 2027-01-05, while Ana is away, the high-risk AI system scoring has no overseer \(EU AI Act Art\. 26\(2\)\) — applies from 2027-12-02 \(no `annex` recorded: taken as Annex III, the earlier date\)$/,
        },
      ],
    },
    {
      name: "the two overseers overlap, and one leaves",
      yaml: model(
        ", absences: [{ from: 2026-12-01, to: 2026-12-14 }]",
        ", absences: [{ from: 2026-12-10, to: 2026-12-20 }], leaves: 2027-03-31",
      ),
      findings: [
        {
          line: 7,
          column: 92,
          subject: "scoring:ana:2026-12-01",
          severity: "info",
          message: /^from 2026-12-01 to 2026-12-14, while Ana/,
        },
        {
          line: 7,
          column: 97,
          subject: "scoring:bo:2026-12-10",
          severity: "info",
          message: /^from 2026-12-10 to 2026-12-20, while Bo/,
        },
      ],
    },
  ],
});
