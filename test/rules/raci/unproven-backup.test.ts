import undeclaredAuthor from "../../../src/analysis/rules/evidence/undeclared-author.ts";
import rule from "../../../src/analysis/rules/raci/unproven-backup.ts";
import { testRule } from "../../helpers.ts";
import { activity, contributor, report } from "../evidence/fixtures.ts";

const people = `people:
  - { id: ana, name: Ana, roles: [mlops-engineer], skills: { cloud-devops: 4 } }
  - { id: bo, name: Bo, roles: [data-scientist], skills: { statistics-ml: 3 } }
  - { id: cy, name: Cy, roles: [data-scientist], skills: { cloud-devops: 2 } }
  - { id: di, name: Di, roles: [data-scientist], leaves: 2026-01-31 }
`;

testRule(rule, {
  valid: [
    {
      name: "no backup declared",
      yaml: `${people}raci:\n  - { activity: ci-cd-pipeline, R: ana, A: ana }\n`,
    },
    {
      name: "a backup with some of the skill (level 2)",
      yaml: `${people}raci:\n  - { activity: ci-cd-pipeline, R: ana, A: ana, backup: cy }\n`,
    },
    {
      name: "a backup git shows working on the files, without the skill",
      yaml: `${people}raci:\n  - { activity: ci-cd-pipeline, R: ana, A: ana, backup: [bo] }\n`,
      evidence: report([
        activity("ci-cd-pipeline", 3, [contributor("ana", 2, 1), contributor("bo", 1, 1)], ["ana"]),
      ]),
    },
  ],
  invalid: [
    {
      name: "a backup with neither skill nor evidence, one who left, one who is not a person",
      yaml: `${people}raci:\n  - { activity: ci-cd-pipeline, R: ana, A: ana, backup: [bo, di, ann] }\n`,
      evidence: report([activity("ci-cd-pipeline", 3, [contributor("ana", 3, 1)], ["ana"])]),
      findings: [
        {
          line: 7,
          column: 66,
          severity: "error",
          message:
            /^"ann", a declared backup for "CI\/CD pipeline", is not a person of the model — did you mean "ana"\?$/,
        },
        {
          line: 7,
          column: 58,
          subject: "ci-cd-pipeline",
          message:
            /^Bo is a declared backup for "CI\/CD pipeline" but holds none of its competencies \(cloud-devops not recorded\/3\) and never changed or reviewed its files$/,
        },
        {
          line: 7,
          column: 62,
          message: /^Di, a declared backup for "CI\/CD pipeline", has left \(on 2026-01-31\)$/,
        },
      ],
    },
    {
      name: "without evidence, skills alone decide, and it says so",
      yaml: `${people}raci:\n  - activity: ci-cd-pipeline\n    R: ana\n    A: ana\n    backup: bo\n`,
      findings: [
        {
          line: 10,
          column: 13,
          message:
            /holds none of its competencies \(cloud-devops not recorded\/3\) \(no git evidence gathered\)$/,
        },
      ],
    },
  ],
});

// A person git shows doing the work is declared when the row names them as its backup.
testRule(undeclaredAuthor, {
  valid: [
    {
      name: "the main author is the row's declared backup",
      yaml: `${people}raci:\n  - { activity: ci-cd-pipeline, R: ana, A: ana, backup: bo }\n`,
      evidence: report([
        activity("ci-cd-pipeline", 4, [contributor("bo", 3, 1), contributor("ana", 1, 0)], ["bo"]),
      ]),
    },
  ],
  invalid: [
    {
      name: "the main author is neither R, A nor the declared backup",
      yaml: `${people}raci:\n  - { activity: ci-cd-pipeline, R: ana, A: ana, backup: cy }\n`,
      evidence: report([
        activity("ci-cd-pipeline", 4, [contributor("bo", 3, 1), contributor("ana", 1, 0)], ["bo"]),
      ]),
      findings: [
        {
          line: 7,
          column: 17,
          message:
            /^Bo is a main author of ci-cd-pipeline \(3 of 4 files\) but neither Responsible nor Accountable nor a declared backup$/,
        },
      ],
    },
  ],
});
