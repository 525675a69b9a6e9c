import rule from "../../../src/analysis/rules/leadership/tech-lead.ts";
import { testRule } from "../../helpers.ts";

testRule(rule, {
  valid: [
    {
      name: "stage starting (the minimum-team rule covers it)",
      yaml: "organisation: { name: O, stage: starting }\n",
    },
    {
      name: "a tech lead",
      yaml: "organisation: { name: O, stage: scaling }\npeople:\n  - { id: t, name: T, roles: [tech-lead] }\n",
    },
  ],
  invalid: [
    {
      name: "scaling without a tech lead",
      yaml: "organisation:\n  name: O\n  stage: scaling\npeople:\n  - { id: a, name: A, roles: [data-scientist] }\n",
      findings: [{ line: 3, column: 10, subject: "tech-lead", message: /nobody holds the tech-lead role/ }],
    },
  ],
});
