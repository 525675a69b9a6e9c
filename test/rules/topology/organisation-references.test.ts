import rule from "../../../src/analysis/rules/topology/organisation-references.ts";
import { testRule } from "../../helpers.ts";

const ORG = "organisation: { name: O, stage: scaling }\n";

testRule(rule, {
  valid: [
    {
      name: "every reference is in the model",
      yaml: `${ORG}people:\n  - { id: ana, name: Ana }\n  - { id: bo, name: Bo, reportsTo: ana }\nteams:\n  - { id: p, type: platform, members: [ana], serves: [f] }\n  - { id: f, type: product, members: [bo] }\n`,
    },
  ],
  invalid: [
    {
      name: "a platform serving teams of other repositories, a manager of another team",
      yaml: `${ORG}people:\n  - { id: ana, name: Ana, reportsTo: kchen }\nteams:\n  - { id: platform, type: platform, members: [ana], serves: [fraud, recs] }\nraci:\n  - { activity: model-serving, R: ana, A: ana, I: [pnair] }\n`,
      findings: [
        {
          line: 3,
          column: 38,
          message:
            /^4 references are not in this model and left for the organisation to resolve: person "kchen" \(mlteam\.yaml:3:38\), team "fraud" \(mlteam\.yaml:5:62\), team "recs" \(mlteam\.yaml:5:69\), person "pnair" \(mlteam\.yaml:7:52\)$/,
        },
      ],
    },
  ],
});
