import rule from "../../../src/analysis/rules/staffing/team-size.ts";
import { testRule } from "../../helpers.ts";

const people = "people:\n  - { id: a, name: A }\n  - { id: b, name: B }\n  - { id: c, name: C }\n";

testRule(rule, {
  valid: [
    {
      name: "a product team of two and an enabling team of one",
      yaml: `${people}teams:\n  - { id: p, type: product, members: [a, b] }\n  - { id: e, type: enabling, members: [c] }\n`,
    },
    {
      name: "the first use case: one practitioner at stage starting (000 §8A.1)",
      yaml: `${people}teams:\n  - { id: first, type: full-stack, members: [a] }\n`,
    },
  ],
  invalid: [
    {
      name: "a platform team of one",
      yaml: `${people}teams:\n  - { id: plat, type: platform, members: [a] }\norganisation: { name: O, stage: scaling }\n`,
      findings: [
        { line: 6, column: 42, subject: "plat", message: /platform team plat has 1 member; expected 2–12/ },
      ],
    },
    {
      name: "a product team above a lowered maximum",
      yaml: `${people}teams:\n  - { id: p, type: product, members: [a, b, c] }\nrules:\n  staffing/team-size: { options: { productMax: 2 } }\n`,
      findings: [{ line: 6, column: 38, message: /product team p has 3 members; expected 2–2/ }],
    },
  ],
});
