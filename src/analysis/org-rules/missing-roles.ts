import { defineOrgRule, validSnapshots } from "./rule.ts";

const rank = { error: 0, warn: 1, info: 2 } as const;

export default defineOrgRule({
  kind: "missing-roles",
  meta: {
    severity: "warn",
    description:
      "Every team has the roles its stage requires (as its own check in the organisation says, counting the teams that serve it).",
    rationale:
      "001 §3.2: the roles a team needs grow with its stage. Seen from the organisation, the teams still missing them are where hiring or a serving platform team is needed first.",
    source: "001 §3.2",
    fix: "See the team's `staffing/required-roles` finding: hire, train someone in, or have a platform team serve the team.",
  },
  check(input) {
    return validSnapshots(input).flatMap((s) => {
      const found = s.findings.filter((f) => f.ruleId === "staffing/required-roles");
      if (found.length === 0) return [];
      const severity = found.reduce(
        (w, f) => (rank[f.severity] < rank[w] ? f.severity : w),
        "info" as keyof typeof rank,
      );
      return [
        {
          severity,
          message: `${s.teamId}: without roles its stage requires`,
          teams: [s.teamId],
        },
      ];
    });
  },
});
