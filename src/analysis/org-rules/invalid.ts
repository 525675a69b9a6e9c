import { defineOrgRule } from "./rule.ts";

export default defineOrgRule({
  kind: "invalid",
  meta: {
    severity: "error",
    description: "Every team's model validates.",
    rationale:
      "A model that does not validate cannot be checked: its team's findings, score and people are missing from the organisation until it is fixed.",
    source: "DESIGN: team-as-code",
    fix: "Run `mlteam validate` in the team's repository and fix the located errors.",
  },
  check(input) {
    return input.snapshots
      .filter((s) => !s.valid)
      .map((s) => ({
        message: `${s.teamId}: the model does not validate (${s.diagnostics[0] ?? "no detail"})`,
        teams: [s.teamId],
      }));
  },
});
