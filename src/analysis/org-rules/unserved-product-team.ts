import { defineOrgRule, validSnapshots } from "./rule.ts";

export default defineOrgRule({
  kind: "unserved-product-team",
  meta: {
    severity: "warn",
    description:
      "Where the organisation's topology expects a shared platform, every product team is served by a platform team of the organisation.",
    rationale:
      "001 §3.3, Model 1: product teams own their full stack and a shared platform of MLOps and platform engineers serves them all. Checked in the organisation, a platform team in another repository that lists the team under `serves` counts; a product team none serves rebuilds CI/CD, deployment and monitoring alone.",
    source: "001 §3.3",
    fix: "Add the product team to its platform team's `serves` (in the platform's own repository), or create the shared platform team.",
  },
  check(input) {
    return validSnapshots(input)
      .filter((s) => s.findings.some((f) => f.ruleId === "topology/platform-coverage"))
      .map((s) => ({
        message: `${s.teamId}: no platform team of the organisation serves it, although its topology expects one`,
        teams: [s.teamId],
      }));
  },
});
