import rule from "../../../src/analysis/rules/governance/oversight-separation.ts";
import { testRule } from "../../helpers.ts";

const model = (
  oversight: string,
  training: string,
) => `organisation: { name: O, stage: scaling, frameworks: [eu-ai-act] }
people:
  - { id: ana, name: Ana, roles: [ml-engineer] }
  - { id: bo, name: Bo, roles: [tech-lead] }
teams: [{ id: t, type: product, members: [ana, bo] }]
products:
  - { id: scoring, team: t, stage: production, risk: high, operator: provider, oversight: ${oversight} }
raci:
  - { activity: model-training-code, R: ${training}, A: bo }
`;

testRule(rule, {
  valid: [
    { name: "the overseer does not build the system", yaml: model("[bo]", "ana") },
    { name: "two overseers", yaml: model("[ana, bo]", "ana") },
    { name: "a second builder", yaml: model("[ana]", "[ana, bo]") },
  ],
  invalid: [
    {
      name: "the only overseer is the only builder",
      yaml: model("[ana]", "ana"),
      findings: [
        {
          line: 7,
          column: 92,
          subject: "scoring",
          severity: "info",
          message:
            /^Ana is both the only overseer and the only builder of the high-risk AI system scoring \(Responsible for model-training-code\)/,
        },
      ],
    },
  ],
});
