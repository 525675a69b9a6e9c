import { defineOrgRule, peopleAcrossTeams } from "./rule.ts";

export default defineOrgRule({
  kind: "identity-conflict",
  meta: {
    severity: "warn",
    description:
      "Entries the organisation takes for the same person (same id, e-mail or handle in two sources) give the same name.",
    rationale:
      "A person recorded in two teams' models is one person: their allocations add up and their absence hits both teams. When the entries disagree on the name, either two people share an id or an address, or one entry is out of date — the organisation cannot tell which.",
    source: '002 "Beyond the labels"',
    fix: "Correct the name in one of the files, or give the two people different ids and e-mails.",
  },
  check(input) {
    return peopleAcrossTeams(input)
      .filter((p) => p.otherNames.length > 0)
      .map((p) => {
        const teams = [...new Set(p.teams.map((t) => t.team))];
        const at = p.teams.flatMap((t) => (t.person.at ? [`${t.team}:${t.person.at}`] : []));
        return {
          message: `the same person (by ${p.matchedBy ?? "id"}) has different names in ${teams.join(" and ")}: ${[p.name, ...p.otherNames].map((n) => JSON.stringify(n)).join(" vs ")} (${at.join(", ")})`,
          teams,
          person: p.key,
          at,
        };
      });
  },
});
