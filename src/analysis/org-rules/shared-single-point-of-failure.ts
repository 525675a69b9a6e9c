import { defineOrgRule, validSnapshots } from "./rule.ts";

export default defineOrgRule({
  kind: "single-point-of-failure",
  meta: {
    severity: "warn",
    description: "No person is a single point of failure in more than one team.",
    rationale:
      '002 "Beyond the labels": work that rests on one person stops when they are away. When the same person is that one in several teams, one absence stops them all.',
    source: '002 "Beyond the labels"',
    fix: "Give the person a backup in each team (a second holder of the role, or a RACI row with two Responsible people).",
  },
  check(input) {
    const byKey = new Map<string, { name: string; teams: string[]; at: string[] }>();
    for (const s of validSnapshots(input))
      for (const id of s.singlePointsOfFailure) {
        const person = s.people.find((p) => p.id === id);
        if (!person) continue;
        const entry = byKey.get(person.key) ?? { name: person.name, teams: [], at: [] };
        entry.teams.push(s.teamId);
        if (person.at) entry.at.push(`${s.teamId}:${person.at}`);
        byKey.set(person.key, entry);
      }
    return [...byKey]
      .filter(([, p]) => p.teams.length >= 2)
      .map(([key, p]) => ({
        message: `${p.name} is a single point of failure in ${p.teams.length} teams (${p.teams.join(", ")})`,
        teams: p.teams,
        person: key,
        at: p.at,
      }));
  },
});
