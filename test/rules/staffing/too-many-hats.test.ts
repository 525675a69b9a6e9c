import rule from "../../../src/analysis/rules/staffing/too-many-hats.ts";
import { testRule } from "../../helpers.ts";

testRule(rule, {
  valid: [
    { name: "two hats", yaml: "people:\n  - { id: dan, name: Dan, roles: [data-scientist, ml-engineer] }\n" },
    {
      name: "three hats when three are allowed",
      yaml: "people:\n  - { id: m, name: M, roles: [mlops-engineer, data-engineer, ml-engineer] }\nrules:\n  staffing/too-many-hats: { options: { max: 3 } }\n",
    },
  ],
  invalid: [
    {
      name: "three hats",
      yaml: "people:\n  - { id: meghan, name: Meghan, roles: [mlops-engineer, data-engineer, ml-engineer] }\n",
      findings: [
        {
          line: 2,
          column: 40,
          subject: "meghan",
          message: /Meghan wears 3 hats \(mlops-engineer, data-engineer, ml-engineer\); at most 2 last/,
        },
      ],
    },
  ],
});
