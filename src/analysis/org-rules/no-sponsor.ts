import { defineOrgRule, validSnapshots } from "./rule.ts";

export default defineOrgRule({
  kind: "no-sponsor",
  meta: {
    severity: "error",
    description:
      "Every team reaches an executive sponsor: one of its people is one, or reports (through `reportsTo`, across teams) to one, or the team names one.",
    rationale:
      '002 "Strategic/executive level": every successful ML project starts with buy-in from the executive level. In an organisation the sponsor often sits in another team\'s model; the line of managers is what connects a team to them.',
    source: '002 "Strategic/executive level"',
    fix: "Record who the team's lead reports to (`reportsTo`, in any team of the organisation) up to the sponsor, or name the sponsor as a stakeholder.",
  },
  check(input) {
    return (
      validSnapshots(input)
        // A snapshot kept before the organisation was checked as one model says it through its own finding.
        .filter((s) =>
          s.sponsorReachable === undefined
            ? s.findings.some((f) => f.ruleId === "leadership/executive-sponsor")
            : !s.sponsorReachable,
        )
        .map((s) => ({
          message: `${s.teamId}: no executive sponsor reachable through reportsTo`,
          teams: [s.teamId],
        }))
    );
  },
});
