import { defineOrgRule, peopleAcrossTeams } from "./rule.ts";

export default defineOrgRule({
  kind: "over-allocated",
  meta: {
    severity: "error",
    description: "A person's allocations across the teams of the organisation fit within their time.",
    rationale:
      "002: one person cannot wear every hat; a person split across teams beyond their time is a single point of failure in each of them, and each team's model alone cannot see it.",
    source: '002 "Beyond the labels"',
    fix: "Lower the person's allocations in one of the teams, or record their `capacity`; roles with no allocation are not counted, so record them.",
  },
  check(input) {
    const out = [];
    for (const p of peopleAcrossTeams(input)) {
      if (p.teams.length < 2) continue;
      const recorded = p.teams.filter((t) => t.person.allocationRecorded !== false);
      const total = recorded.reduce((sum, t) => sum + t.person.allocation, 0);
      if (total <= p.capacity) continue;
      const shares = p.teams.map((t) =>
        t.person.allocationRecorded === false
          ? `${t.team} not recorded`
          : `${t.team} ${t.person.allocation}%`,
      );
      out.push({
        message: `${p.name} is allocated ${total}% across ${p.teams.length} teams (${shares.join(", ")}), above their ${p.capacity}%${p.matchedBy ? ` — the same person by ${p.matchedBy}` : ""}`,
        teams: p.teams.map((t) => t.team),
        person: p.key,
        at: p.teams.flatMap((t) => (t.person.at ? [`${t.team}:${t.person.at}`] : [])),
      });
    }
    return out;
  },
});
