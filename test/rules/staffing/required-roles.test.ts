import rule from "../../../src/analysis/rules/staffing/required-roles.ts";
import { testRule } from "../../helpers.ts";

testRule(rule, {
  valid: [
    {
      name: "a platform team with MLOps and platform engineers",
      yaml: "people:\n  - { id: a, name: A, roles: [mlops-engineer] }\n  - { id: b, name: B, roles: [platform-engineer] }\nteams:\n  - { id: plat, type: platform, members: [a, b] }\n",
    },
    {
      name: "a data-science team outside an embedded topology",
      yaml: "people:\n  - { id: a, name: A, roles: [data-scientist] }\nteams:\n  - { id: ds, type: product, members: [a] }\n",
    },
  ],
  invalid: [
    {
      name: "a full-stack team without MLOps and data engineering",
      yaml: "people:\n  - { id: a, name: A, roles: [data-scientist, ml-engineer] }\nteams:\n  - { id: ml, type: full-stack, members: [a] }\n",
      findings: [
        {
          line: 4,
          column: 21,
          subject: "ml",
          message: /full-stack team ml has no data-engineer, mlops-engineer/,
        },
      ],
    },
    {
      name: "an embedded product team without an ML engineer",
      yaml: "organisation: { name: O, stage: scaling, topology: embedded }\npeople:\n  - { id: a, name: A, roles: [data-scientist, data-engineer] }\nteams:\n  - { id: recs, type: product, members: [a] }\n",
      findings: [{ line: 5, column: 23, message: /product team recs has no ml-engineer/ }],
    },
  ],
});
