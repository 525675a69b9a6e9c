import rule from "../../../src/analysis/rules/risk/on-call-knowledge.ts";
import { testRule } from "../../helpers.ts";
import { activity, contributor, report } from "../evidence/fixtures.ts";

// k8s-deployment needs containerization and cloud-devops.
const three = `people:
  - { id: meghan, name: Meghan, roles: [mlops-engineer], skills: { containerization: 3 } }
  - { id: dan, name: Dan, roles: [data-scientist] }
  - { id: eve, name: Eve, roles: [data-analyst], skills: { containerization: 1 } }
onCall:
  - { id: ops, activity: k8s-deployment, people: [meghan, dan, eve] }
`;

const team = `people:
  - { id: ana, name: Ana, roles: [mlops-engineer], skills: { cloud-devops: 2 } }
  - { id: bo, name: Bo, roles: [ml-engineer], skills: { statistics-ml: 3 } }
teams: [{ id: ml, type: full-stack, members: [ana, bo] }]
raci:
  - { activity: ci-cd-pipeline, R: ana, A: ana }
onCall:
  - { id: night, team: ml, people: [ana, bo] }
`;

testRule(rule, {
  valid: [
    {
      name: "everyone holds one of the activity's competencies at level 2",
      yaml: three
        .replace("roles: [data-scientist] }", "roles: [data-scientist], skills: { cloud-devops: 2 } }")
        .replace("containerization: 1", "containerization: 2"),
    },
    {
      name: "with evidence, a recent change of the activity's files counts without skills",
      yaml: three,
      evidence: report([
        activity(
          "k8s-deployment",
          4,
          [contributor("meghan", 3, 5), contributor("dan", 1, 2), contributor("eve", 0, 1)],
          ["meghan"],
        ),
      ]),
    },
    {
      name: "nothing to judge by: no evidence and no skills recorded in the model",
      yaml: "people:\n  - { id: a, name: A }\n  - { id: b, name: B }\nonCall:\n  - { id: ops, activity: k8s-deployment, people: [a, b] }\n",
    },
  ],
  invalid: [
    {
      name: "a rotation of three where two have no evidence and no skills",
      yaml: three,
      findings: [
        {
          line: 6,
          column: 59,
          subject: "ops:dan",
          message:
            /^Dan is on call in ops \(k8s-deployment\) without knowledge of it on record — no level 2 in its competencies \(cloud-devops not recorded, containerization not recorded\); judged by skills alone, as there is no evidence from git \(the model lists no repositories\); the rotation's effective size is 1 of 3$/,
        },
        {
          line: 6,
          column: 64,
          subject: "ops:eve",
          message:
            /^Eve is on call .*\(cloud-devops not recorded, containerization 1\).*effective size is 1 of 3$/,
        },
      ],
    },
    {
      name: "with evidence, an old change and a low level do not count",
      yaml: three,
      evidence: report([
        activity(
          "k8s-deployment",
          4,
          [contributor("meghan", 3, 5), contributor("dan", 1, 2), contributor("eve", 1, 0, false)],
          ["meghan"],
        ),
      ]),
      findings: [
        {
          line: 6,
          column: 64,
          subject: "ops:eve",
          message:
            /^Eve is on call in ops \(k8s-deployment\) without knowledge of it on record — no change or review of their files since 2025-12, and no level 2 in its competencies \(cloud-devops not recorded, containerization 1\); the rotation's effective size is 2 of 3$/,
        },
      ],
    },
    {
      name: "evidence without the activity's files: judged by skills alone",
      yaml: three,
      evidence: report([activity("ci-cd-pipeline", 2, [contributor("dan", 2, 3)], ["dan"])]),
      findings: [
        {
          line: 6,
          column: 59,
          message:
            /; judged by skills alone, as the repositories hold none of its files; the rotation's effective size is 1 of 3$/,
        },
        { line: 6, column: 64, subject: "ops:eve" },
      ],
    },
    {
      name: "a team's rotation covers the activities its members are R or A of",
      yaml: team,
      findings: [
        {
          line: 8,
          column: 42,
          subject: "night:bo",
          message:
            /^Bo is on call in night \(team ml\) without knowledge of it on record — no level 2 in its competencies \(cloud-devops not recorded\); judged by skills alone, as there is no evidence.*effective size is 1 of 2$/,
        },
      ],
    },
  ],
});
