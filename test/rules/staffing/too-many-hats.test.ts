import rule from "../../../src/analysis/rules/staffing/too-many-hats.ts";
import { testRule } from "../../helpers.ts";

testRule(rule, {
  valid: [
    { name: "two hats", yaml: "people:\n  - { id: dan, name: Dan, roles: [data-scientist, ml-engineer] }\n" },
    {
      name: "three hats at stage starting, where small teams combine roles (000 §8A.1)",
      yaml: "people:\n  - { id: m, name: M, roles: [data-scientist, data-engineer, ml-engineer] }\n",
    },
    {
      name: "three hats when three are allowed",
      yaml: "people:\n  - { id: m, name: M, roles: [mlops-engineer, data-engineer, ml-engineer] }\nrules:\n  staffing/too-many-hats: { options: { max: 3 } }\n",
    },
  ],
  invalid: [
    {
      name: "three hats past the first use case",
      yaml: "people:\n  - { id: meghan, name: Meghan, roles: [mlops-engineer, data-engineer, ml-engineer] }\norganisation: { name: O, stage: scaling }\n",
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
