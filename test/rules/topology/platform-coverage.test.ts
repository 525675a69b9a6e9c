import rule from "../../../src/analysis/rules/topology/platform-coverage.ts";
import { testRule } from "../../helpers.ts";

const people = "people:\n  - { id: a, name: A }\n  - { id: b, name: B }\n";

testRule(rule, {
  valid: [
    {
      name: "served by a platform",
      yaml: `organisation: { name: O, stage: mature, topology: embedded }\n${people}teams:\n  - { id: recs, type: product, members: [a] }\n  - { id: plat, type: platform, members: [b], serves: [recs] }\n`,
    },
    {
      name: "not embedded",
      yaml: `organisation: { name: O, stage: mature, topology: centralized }\n${people}teams:\n  - { id: recs, type: product, members: [a] }\n`,
    },
  ],
  invalid: [
    {
      name: "an embedded product team on its own",
      yaml: `organisation: { name: O, stage: mature, topology: embedded }\n${people}teams:\n  - { id: recs, type: product, members: [a] }\n`,
      findings: [
        {
          line: 6,
          column: 11,
          subject: "recs",
          message: /product team recs is not served by any platform team/,
        },
      ],
    },
  ],
});
