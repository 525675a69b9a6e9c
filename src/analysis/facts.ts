/** Facts about a team graph that several rules and analyses ask for. */
import { roleForTitle } from "../catalog/index.ts";
import type { PersonNode, RaciEntry, TeamGraph } from "../graph/types.ts";
import type { RaciLetter, Stage } from "../model/schema.ts";

const STAGE_RANK: Record<Stage, number> = { starting: 0, scaling: 1, mature: 2 };

/** Whether `stage` has reached `from`. */
export function stageReached(stage: Stage, from: Stage): boolean {
  return STAGE_RANK[stage] >= STAGE_RANK[from];
}

/** Whether any ML product runs in production. */
export function hasProduction(graph: TeamGraph): boolean {
  for (const product of graph.products.values()) if (product.source.stage === "production") return true;
  return false;
}

/** The distinct people behind the cells of `entry` with one of `letters`. */
export function peopleWith(entry: RaciEntry, letters: readonly RaciLetter[]): Set<string> {
  const people = new Set<string>();
  for (const cell of entry.cells)
    if (letters.includes(cell.letter)) for (const p of cell.people) people.add(p);
  return people;
}

/** The roles a person holds, plus those their job titles map to through the catalog's aliases. */
export function hats(_graph: TeamGraph, person: PersonNode): Set<string> {
  return new Set([...person.roles.map((r) => r.role), ...person.titleRoles]);
}

/** Where `person` holds `role` in the model: its entry under `roles`, else the job title that maps to it. */
export function wherePersonHolds(graph: TeamGraph, person: PersonNode, role: string): (string | number)[] {
  const byRole = (person.source.roles ?? []).findIndex((r) => (typeof r === "string" ? r : r.role) === role);
  if (byRole !== -1) return ["roles", byRole];
  const all = [...graph.roles.values()];
  const byTitle = (person.source.titles ?? []).findIndex((t) => roleForTitle(all, t) === role);
  return byTitle !== -1 ? ["titles", byTitle] : ["id"];
}

/** People who hold `role` or are named as a stakeholder of the same kind. */
export function stakeholderPeople(graph: TeamGraph, kind: string, role = kind): Set<string> {
  const people = new Set(graph.holders.get(role) ?? []);
  for (const s of graph.stakeholders) if (s.kind === kind && s.person !== undefined) people.add(s.person);
  return people;
}

/** Whether a person works for the organisation from outside it: a contractor or a vendor. */
export function isExternal(graph: TeamGraph, id: string): boolean {
  const employment = (graph.people.get(id)?.source ?? graph.model.people.find((p) => p.id === id))
    ?.employment;
  return employment === "contractor" || employment === "vendor";
}

/** A person's name, or the id when unknown. */
export function nameOf(graph: TeamGraph, id: string): string {
  return graph.names.get(id) ?? id;
}

/** Whether the model records skills for anyone (rules about skills stay quiet otherwise). */
export function recordsSkills(graph: TeamGraph): boolean {
  return graph.skilled.size > 0;
}
