import rule from "../../../src/analysis/rules/topology/idle-platform.ts";
import { testRule } from "../../helpers.ts";

testRule(rule, {
  valid: [
    {
      name: "a platform that serves a team",
      yaml: "people:\n  - { id: a, name: A }\nteams:\n  - { id: p, type: product, members: [a] }\n  - { id: plat, type: platform, members: [a], serves: [p] }\n",
    },
  ],
  invalid: [
    {
      name: "a platform that serves nobody",
      yaml: "people:\n  - { id: a, name: A }\nteams:\n  - { id: plat, type: platform, members: [a] }\n",
      findings: [{ line: 4, column: 11, subject: "plat", message: /platform team plat serves no team/ }],
    },
  ],
});
