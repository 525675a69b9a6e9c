import rule from "../../../src/analysis/rules/risk/no-backup.ts";
import { testRule } from "../../helpers.ts";

const base = `people:
  - { id: meghan, name: Meghan, roles: [mlops-engineer], skills: { monitoring-logging: 4 } }
  - { id: dan, name: Dan, roles: [data-scientist], skills: { monitoring-logging: 1 } }
teams: [{ id: t, type: full-stack, members: [meghan, dan] }]
`;

testRule(rule, {
  valid: [
    {
      name: "no product in production",
      yaml: `${base}products: [{ id: p, team: t, stage: prototype }]\nraci:\n  - { activity: monitoring-setup, R: meghan, A: meghan }\n`,
    },
    {
      name: "a second person is assigned",
      yaml: `${base}products: [{ id: p, team: t, stage: production }]\nraci:\n  - { activity: monitoring-setup, R: meghan, A: dan }\n`,
    },
    {
      name: "a second person has the skills",
      yaml: `${base.replace("monitoring-logging: 1", "monitoring-logging: 3")}products: [{ id: p, team: t, stage: production }]\nraci:\n  - { activity: monitoring-setup, R: meghan, A: meghan }\n`,
    },
  ],
  invalid: [
    {
      name: "production-critical work on one person",
      yaml: `${base}products: [{ id: p, team: t, stage: production }]\nraci:\n  - { activity: monitoring-setup, R: meghan, A: meghan, I: dan }\n`,
      findings: [
        {
          line: 7,
          column: 17,
          subject: "monitoring-setup",
          message: /"Monitoring setup" is production-critical and has no backup: only one person/,
        },
      ],
    },
  ],
});
