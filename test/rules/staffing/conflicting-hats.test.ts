import rule from "../../../src/analysis/rules/staffing/conflicting-hats.ts";
import { testRule } from "../../helpers.ts";

testRule(rule, {
  valid: [
    {
      name: "one linking pin",
      yaml: "people:\n  - { id: po, name: Po, titles: [Product Owner], roles: [inside-to-outside] }\n",
    },
    {
      name: "titles add nothing to recorded roles",
      yaml: "people:\n  - { id: p, name: Pia, titles: [Product Manager, Fraud], roles: [inside-to-outside] }\n",
    },
    {
      name: "the two linking pins in two people",
      yaml: "people:\n  - { id: a, name: A, roles: [outside-to-inside] }\n  - { id: b, name: B, roles: [inside-to-outside] }\n",
    },
  ],
  invalid: [
    {
      name: "outside-to-inside and inside-to-outside through titles",
      yaml: "people:\n  - id: paul\n    name: Paul\n    titles: [Program Manager, Product Owner]\n",
      findings: [
        {
          line: 4,
          column: 13,
          subject: "paul",
          message:
            /Paul is both outside-to-inside \(from title "Program Manager"\) and inside-to-outside \(from title "Product Owner"\): .*conflict of interest by design/,
        },
      ],
    },
    {
      name: "data science manager, lead developer and product owner",
      yaml: "people:\n  - { id: x, name: Xi, titles: [Data Science Manager, Lead Developer, Product Owner] }\n",
      findings: [
        {
          line: 2,
          column: 32,
          message:
            /Xi is both inside-to-outside \(from title "Data Science Manager"\) and tech-lead \(from title "Lead Developer"\)/,
        },
      ],
    },
    {
      name: "both recorded",
      yaml: "people:\n  - { id: a, name: Al, roles: [outside-to-inside, inside-to-outside] }\n",
      findings: [{ line: 2, column: 31, message: /Al is both outside-to-inside and inside-to-outside: / }],
    },
  ],
});
