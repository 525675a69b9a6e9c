import { defineOrgRule, validSnapshots } from "./rule.ts";

/** Whole months from `from` to `to` (both ISO dates). */
function monthsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.slice(0, 10).split("-").map(Number) as [number, number, number];
  const [ty, tm, td] = to.slice(0, 10).split("-").map(Number) as [number, number, number];
  return (ty - fy) * 12 + (tm - fm) - (td < fd ? 1 : 0);
}

export default defineOrgRule({
  kind: "stale",
  meta: {
    severity: "info",
    description: "Every team's model has changed within `staleMonths` (mlteam-org.yaml, default 6).",
    rationale:
      "A team model nobody has touched for months has probably drifted from who really does the work; its findings are only as true as it is.",
    source: "DESIGN: team-as-code",
    fix: "Review the team's model with the team and commit what changed (even a confirmation in `reviewed`).",
  },
  check(input) {
    return validSnapshots(input).flatMap((s) => {
      const age = monthsBetween(s.committedAt, input.today);
      return age >= input.staleMonths
        ? [
            {
              message: `${s.teamId}: the model has not changed for ${age} months (last ${s.committedAt.slice(0, 10)})`,
              teams: [s.teamId],
            },
          ]
        : [];
    });
  },
});
