import rule from "../../../src/analysis/rules/leadership/evangelist.ts";
import { testRule } from "../../helpers.ts";

testRule(rule, {
  valid: [
    {
      name: "an evangelist stakeholder",
      yaml: "people:\n  - { id: e, name: E }\nstakeholders:\n  - { kind: evangelist, person: e }\n",
    },
  ],
  invalid: [
    {
      name: "nobody evangelises",
      yaml: "organisation:\n  name: O\n  stage: starting\n",
      findings: [
        { line: 2, column: 3, severity: "info", message: /nobody is named as the team's evangelist/ },
      ],
    },
  ],
});
