import type { PersonNode } from "../../../graph/types.ts";
import type { GraphFacts } from "../../graph-facts.ts";
import { defineRule } from "../../rule.ts";

/** How many people a finding names before "and N more". */
const NAMED = 5;

/** The subject of the finding about the people in no team. */
const NO_TEAM = "no-team";

interface Unrecorded {
  person: PersonNode;
  /** Competency id → the first role (of the person's) that needs it. */
  needed: Map<string, string>;
}

/** The competencies `person`'s roles need that have no recorded level, each with a role that needs it. */
function unrecorded(facts: GraphFacts, person: PersonNode): Map<string, string> | undefined {
  const recorded = person.source.skills ?? {};
  let needed: Map<string, string> | undefined;
  for (const role of facts.hats(person)) {
    const needs = facts.roleNeeds(role);
    // Indexed: this runs for everyone, and most have every level recorded.
    for (let i = 0; i < needs.length; i++) {
      const c = (needs[i] as readonly [string, number])[0];
      if (c in recorded || needed?.has(c)) continue;
      needed ??= new Map();
      needed.set(c, role);
    }
  }
  return needed;
}

/** One person's unrecorded levels, in full: what the finding says when it is about one person. */
function onePerson({ person, needed }: Unrecorded): string {
  const list = [...needed.keys()];
  const roles = [...new Set(needed.values())];
  return `${person.name}'s ${list.length === 1 ? "level is" : "levels are"} not recorded for ${list.length === 1 ? "a competency" : `${list.length} competencies`} ${roles.length === 1 ? `the ${roles[0]} role needs` : "their roles need"}: ${list.join(", ")}`;
}

/** Several people's: each with how many are missing, the first few named and the rest counted. */
function severalPeople(group: readonly Unrecorded[], total: number): string {
  const named = group.slice(0, NAMED).map(({ person, needed }) => `${person.name} (${needed.size})`);
  const rest = group.length - named.length;
  return `${group.length} people's levels are not recorded for ${total} competencies their roles need: ${named.join(", ")}${rest > 0 ? ` and ${rest} more` : ""}`;
}

export default defineRule({
  id: "skills/not-assessed",
  meta: {
    area: "skills",
    severity: "info",
    reads: ["people"],
    assesses: ["skills"],
    description:
      "The competencies each person's roles need have a recorded level; one finding per team names the people for whom some are not.",
    rationale:
      "000 §8A.1 lists the competencies an MLOps team needs and 001 §3.2 ties them to roles. A level that was never recorded is unknown, not zero: the doctor compares only recorded levels (skills/below-role-level, skills/activity-gap) and lists the rest here, so that recording a skill never adds findings about the skills not recorded. The people are grouped by team (a person in several teams under the first that lists them; those in no team together), so a large organisation gets a finding per team rather than one per person; each missing level still counts once in the score.",
    source: "000 §8A.1; 001 §3.2",
    fix: "Record each person's level (0–4) for the competencies their roles need under `people[].skills`; write 0 for a real zero.",
    example: "people:\n  - { id: ana, name: Ana, roles: [mlops-engineer], skills: { containerization: 3 } }",
  },
  check({ graph, facts, report }) {
    const byTeam = new Map<string | undefined, Unrecorded[]>();
    for (const person of graph.people.values()) {
      const needed = unrecorded(facts, person);
      if (!needed) continue;
      const team = person.teams[0];
      const group = byTeam.get(team) ?? [];
      if (group.length === 0) byTeam.set(team, group);
      group.push({ person, needed });
    }
    const anyTeam = graph.teams.size > 0;
    // Teams in the model's order, then the people in no team.
    const order = [...graph.teams.keys(), undefined].filter((t) => byTeam.has(t));
    for (const teamId of order) {
      const group = byTeam.get(teamId) ?? [];
      const total = group.reduce((sum, g) => sum + g.needed.size, 0);
      const [first] = group;
      if (!first) continue;
      const team = teamId === undefined ? undefined : graph.teams.get(teamId);
      const what = group.length === 1 ? onePerson(first) : severalPeople(group, total);
      const where = team ? `Team ${team.source.name ?? team.id}: ` : anyTeam ? "In no team: " : "";
      const person = first.person.source;
      report({
        ...(team
          ? { node: team.source, path: ["members"] }
          : { node: person, path: person.skills ? ["skills"] : ["id"] }),
        subject: team ? team.id : NO_TEAM,
        weight: total,
        message: `${where}${what}`,
      });
    }
  },
});
