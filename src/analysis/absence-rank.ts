/**
 * Ranks every person by the damage their absence does, from the resolved graph alone: each
 * person's effect is computed from indexes of what they touch (RACI cells, competencies, roles,
 * sponsorship), so ranking a whole organisation costs about one pass over the graph rather than a
 * doctor run per person.
 */
import type { RaciEntry, TeamGraph } from "../graph/types.ts";
import { hasProduction, peopleWith, stakeholderPeople } from "./facts.ts";
import { WORKING_LEVEL } from "./whatif.ts";

/** Points per kind of damage; they follow the health score's severities (docs/score.md). */
export const DAMAGE = {
  lostLetterCritical: 15,
  lostLetter: 10,
  newSinglePoint: 5,
  lostCompetency: 5,
  newSingleExpert: 2,
  unstaffedRole: 5,
  lostSponsor: 15,
} as const;

export interface Reason {
  points: number;
  text: string;
}

export interface AbsenceImpact {
  person: string;
  name: string;
  damage: number;
  /** Every reason, most damaging first. */
  reasons: Reason[];
}

/** Every person with the damage their absence does, most damaging first (ties by name). */
export function rankAbsences(graph: TeamGraph): AbsenceImpact[] {
  const production = hasProduction(graph);
  const reasons = new Map<string, Reason[]>();
  const add = (person: string, points: number, text: string) => {
    const list = reasons.get(person);
    if (list) list.push({ points, text });
    else reasons.set(person, [{ points, text }]);
  };
  const label = (e: RaciEntry) => e.activity + (e.product ? ` [${e.product}]` : "");

  for (const entry of graph.raci) {
    const responsible = peopleWith(entry, ["R"]);
    const accountable = peopleWith(entry, ["A"]);
    const doers = new Set([...responsible, ...accountable]);
    const critical = production && graph.activities.get(entry.activity)?.productionCritical === true;
    for (const person of doers) {
      const lost: string[] = [];
      if (responsible.size === 1 && responsible.has(person)) lost.push("R");
      if (accountable.size === 1 && accountable.has(person)) lost.push("A");
      if (lost.length > 0) {
        add(
          person,
          critical ? DAMAGE.lostLetterCritical : DAMAGE.lostLetter,
          `${label(entry)} loses its ${lost.join(" and ")}${critical ? " (production-critical)" : ""}`,
        );
      } else if (doers.size === 2) {
        add(person, DAMAGE.newSinglePoint, `${label(entry)} then rests on one person`);
      }
    }
  }

  for (const [competency, people] of graph.skilled) {
    const experts = people.filter((p) => (graph.people.get(p)?.skills[competency] ?? 0) >= WORKING_LEVEL);
    const name = graph.competencies.get(competency)?.name ?? competency;
    if (experts.length === 1)
      add(experts[0] as string, DAMAGE.lostCompetency, `the team loses ${name} at working level`);
    else if (experts.length === 2)
      for (const p of experts) add(p, DAMAGE.newSingleExpert, `${name} then rests on one expert`);
  }

  const used = new Set<string>();
  for (const entry of graph.raci)
    for (const cell of entry.cells) if (cell.ref.kind === "role") used.add(cell.ref.id);
  for (const role of used) {
    const holders = graph.holders.get(role) ?? [];
    if (holders.length === 1) add(holders[0] as string, DAMAGE.unstaffedRole, `nobody else holds ${role}`);
  }

  const sponsors = stakeholderPeople(graph, "executive-sponsor");
  const outsideSponsor = graph.stakeholders.some(
    (s) => s.kind === "executive-sponsor" && s.person === undefined,
  );
  if (sponsors.size === 1 && !outsideSponsor)
    add([...sponsors][0] as string, DAMAGE.lostSponsor, "the team loses its executive sponsor");

  const ranking: AbsenceImpact[] = [];
  for (const person of graph.people.values()) {
    const list = (reasons.get(person.id) ?? []).sort(
      (a, b) => b.points - a.points || a.text.localeCompare(b.text),
    );
    ranking.push({
      person: person.id,
      name: person.name,
      damage: list.reduce((sum, r) => sum + r.points, 0),
      reasons: list,
    });
  }
  return ranking.sort(
    (a, b) => b.damage - a.damage || a.name.localeCompare(b.name) || a.person.localeCompare(b.person),
  );
}
