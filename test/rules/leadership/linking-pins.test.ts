import rule from "../../../src/analysis/rules/leadership/linking-pins.ts";
import { testRule } from "../../helpers.ts";

const production =
  "teams: [{ id: t, type: product, members: [a] }]\nproducts: [{ id: p, team: t, stage: production }]\n";

testRule(rule, {
  valid: [
    {
      name: "no product in production",
      yaml: "people:\n  - { id: a, name: A }\nteams: [{ id: t, type: product, members: [a] }]\nproducts: [{ id: p, team: t, stage: prototype }]\n",
    },
    {
      name: "both linking pins",
      yaml: `people:\n  - { id: a, name: A, roles: [outside-to-inside] }\n  - { id: b, name: B, roles: [inside-to-outside] }\n${production}`,
    },
  ],
  invalid: [
    {
      name: "production without an outside-to-inside person",
      yaml: `organisation:\n  name: O\n  stage: scaling\npeople:\n  - { id: a, name: A, roles: [inside-to-outside] }\n${production}`,
      findings: [
        {
          line: 2,
          column: 3,
          subject: "outside-to-inside",
          message: /a product is in production but nobody holds outside-to-inside/,
        },
      ],
    },
  ],
});
