import rule from "../../../src/analysis/rules/raci/product-consistency.ts";
import { testRule } from "../../helpers.ts";

const base = `people:
  - { id: ana, name: Ana, roles: [data-scientist] }
  - { id: bo, name: Bo, roles: [data-scientist] }
  - { id: cy, name: Cy, roles: [mlops-engineer] }
teams:
  - { id: a, type: product, members: [ana] }
  - { id: b, type: product, members: [bo] }
  - { id: plat, type: platform, members: [cy], serves: [a] }
products:
  - { id: p, team: a, stage: production }
  - { id: q, team: b, stage: production }
`;

testRule(rule, {
  valid: [
    {
      name: "a row per product, with roles held in the team or its platform",
      yaml: `${base}raci:
  - { activity: model-training-code, product: p, R: data-scientist, A: mlops-engineer }
  - { activity: model-training-code, product: q, R: data-scientist, A: person:bo }
`,
    },
    {
      name: "a product row over a general row",
      yaml: `${base}raci:
  - { activity: model-training-code, product: p, R: data-scientist, A: person:ana }
  - { activity: model-training-code, R: data-scientist, A: person:bo }
`,
    },
  ],
  invalid: [
    {
      name: "a product left without a row",
      yaml: `${base}raci:\n  - { activity: model-training-code, product: p, R: data-scientist, A: person:ana }\n`,
      findings: [
        {
          line: 13,
          column: 17,
          subject: "model-training-code",
          message: /has rows for p but none for product q and no general row/,
        },
      ],
    },
    {
      name: "a role nobody in the product's teams holds",
      yaml: `${base}raci:
  - { activity: model-training-code, product: q, R: data-scientist, A: mlops-engineer }
  - { activity: model-training-code, product: p, R: data-scientist, A: person:ana }
`,
      findings: [
        {
          line: 13,
          column: 72,
          message: /names role mlops-engineer, which nobody in team b or the teams serving it holds/,
        },
      ],
    },
  ],
});
