import rule from "../../../src/analysis/rules/leadership/executive-sponsor.ts";
import { testRule } from "../../helpers.ts";

testRule(rule, {
  valid: [
    {
      name: "a sponsor stakeholder from outside the model",
      yaml: "stakeholders:\n  - { kind: executive-sponsor, name: The COO }\n",
    },
    {
      name: "a person with the sponsor role",
      yaml: "people:\n  - { id: s, name: S, roles: [executive-sponsor] }\n",
    },
  ],
  invalid: [
    {
      name: "no sponsor",
      yaml: "organisation:\n  name: O\n  stage: starting\npeople:\n  - { id: a, name: A, roles: [data-scientist] }\n",
      findings: [
        { line: 2, column: 3, subject: "executive-sponsor", message: /the ML team has no executive sponsor/ },
      ],
    },
  ],
});
