import assert from "node:assert/strict";
import { it } from "node:test";
import rule from "../../../src/analysis/rules/skills/not-assessed.ts";
import { checkText, testRule } from "../../helpers.ts";

/** `n` data engineers (etl recorded; data-pipelines and cloud-devops not), ids p1…pn. */
const engineers = (n: number, from = 1) =>
  Array.from(
    { length: n },
    (_, i) => `  - { id: p${from + i}, name: P${from + i}, roles: [data-engineer], skills: { etl: 3 } }\n`,
  ).join("");

const teams = `${"people:\n"}${engineers(7)}  - { id: q, name: Quinn, roles: [data-engineer] }
  - { id: r, name: Rae, roles: [data-engineer], skills: { etl: 1, data-pipelines: 2, cloud-devops: 0 } }
teams:
  - { id: platform, name: ML platform, type: platform, members: [p1, p2, p3, p4, p5, p6, r] }
  - { id: fraud, type: product, members: [p6, p7] }
`;

testRule(rule, {
  valid: [
    {
      name: "every level the role needs is recorded (0 included)",
      yaml: "people:\n  - { id: d, name: D, roles: [data-engineer], skills: { etl: 3, data-pipelines: 4, cloud-devops: 0 } }\n",
    },
    { name: "nobody holds a role", yaml: "people:\n  - { id: d, name: D }\n" },
  ],
  invalid: [
    {
      name: "one person, in no team (the model has none): what is not recorded, in full",
      yaml: "people:\n  - { id: d, name: Dee, roles: [data-engineer], skills: { etl: 3 } }\n",
      findings: [
        {
          line: 2,
          column: 57,
          subject: "no-team",
          message:
            /^Dee's levels are not recorded for 2 competencies the data-engineer role needs: data-pipelines, cloud-devops$/,
        },
      ],
    },
    {
      name: "a person with nothing recorded, in a role held by job title",
      yaml: "people:\n  - { id: d, name: Dee, titles: [Data Engineer] }\n",
      findings: [{ line: 2, column: 11, message: /^Dee's levels are not recorded for 3 competencies/ }],
    },
    {
      name: "once per team, naming five people and counting the rest; a person in two teams under the first; those in no team together",
      yaml: teams,
      findings: [
        {
          line: 9,
          column: 11,
          subject: "no-team",
          message:
            /^In no team: Quinn's levels are not recorded for 3 competencies the data-engineer role needs/,
        },
        {
          line: 12,
          column: 65,
          subject: "platform",
          message:
            /^Team ML platform: 6 people's levels are not recorded for 12 competencies their roles need: P1 \(2\), P2 \(2\), P3 \(2\), P4 \(2\), P5 \(2\) and 1 more$/,
        },
        {
          line: 13,
          column: 42,
          subject: "fraud",
          message:
            /^Team fraud: P7's levels are not recorded for 2 competencies the data-engineer role needs/,
        },
      ],
    },
  ],
});

it("skills/not-assessed: a team's finding weighs as many as the levels it lists, so the score does not move", () => {
  const findings = checkText(teams, [rule]).doctor?.findings ?? [];
  assert.deepEqual(
    findings.map((f) => [f.subject, f.weight]),
    [
      ["no-team", 3],
      ["platform", 12],
      ["fraud", 2],
    ],
  );
});
