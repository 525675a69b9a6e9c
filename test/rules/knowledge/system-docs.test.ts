import rule from "../../../src/analysis/rules/knowledge/system-docs.ts";
import { testRule } from "../../helpers.ts";

const base = "people:\n  - { id: a, name: A }\nteams: [{ id: t, type: product, members: [a] }]\nproducts:\n";

testRule(rule, {
  valid: [
    {
      name: "both documents exist",
      yaml: `${base}  - { id: churn, team: t, stage: production, docs: { science: docs/science.md, techSpec: docs/spec.md } }\n`,
      files: { "docs/science.md": "# science", "docs/spec.md": "# spec" },
    },
    { name: "a prototype needs none yet", yaml: `${base}  - { id: churn, team: t, stage: prototype }\n` },
  ],
  invalid: [
    {
      name: "a missing document and a path that does not exist",
      yaml: `${base}  - { id: churn, team: t, stage: production, docs: { science: docs/missing.md } }\n`,
      findings: [
        {
          line: 5,
          column: 11,
          subject: "churn",
          message: /^production system churn has no system tech spec$/,
        },
        {
          line: 5,
          column: 63,
          subject: "churn",
          message: /the ML science document of churn, docs\/missing\.md, does not exist/,
        },
      ],
    },
    {
      name: "one finding per product for the documents it does not name",
      yaml: `${base}  - { id: churn, team: t, stage: production }\n`,
      findings: [
        {
          line: 5,
          column: 11,
          message: /^production system churn has no ML science document and no system tech spec$/,
        },
      ],
    },
  ],
});
