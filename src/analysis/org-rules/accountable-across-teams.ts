import { defineOrgRule, peopleAcrossTeams } from "./rule.ts";

export default defineOrgRule({
  kind: "accountable-across-teams",
  meta: {
    severity: "warn",
    description:
      "Nobody is Accountable for production-critical activities (deployment, CI/CD, monitoring, data pipelines) in several teams at once.",
    rationale:
      "001 §3.4: each production-critical activity needs one Accountable who can answer for it when it breaks. The same person answering for it in several teams is one absence away from several outages, and no team's model shows it.",
    source: "001 §3.4",
    fix: "Give each team its own Accountable for its production-critical activities, or let a platform team own them for all and serve the teams.",
  },
  check(input) {
    const out = [];
    for (const p of peopleAcrossTeams(input)) {
      const teams = p.teams.filter((t) => (t.person.accountableCritical ?? []).length > 0);
      if (teams.length < 2) continue;
      out.push({
        message: `${p.name} is Accountable for production-critical activities in ${teams.length} teams (${teams.map((t) => `${t.team}: ${(t.person.accountableCritical ?? []).join(", ")}`).join("; ")})`,
        teams: teams.map((t) => t.team),
        person: p.key,
        at: teams.flatMap((t) => (t.person.at ? [`${t.team}:${t.person.at}`] : [])),
      });
    }
    return out;
  },
});
