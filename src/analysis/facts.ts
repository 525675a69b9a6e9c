/** Facts about a team graph that several rules and analyses ask for. */
import type { PersonNode, RaciEntry, TeamGraph } from "../graph/types.ts";
import type { RaciLetter, RaciRow, Stage } from "../model/schema.ts";

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

/** How many of `entry`'s cells have `letter`. */
export function countCells(entry: RaciEntry, letter: RaciLetter): number {
  let count = 0;
  for (const cell of entry.cells) if (cell.letter === letter) count++;
  return count;
}

/** The people a RACI row declares as backups (`backup:`: one id or a list), as written. */
export function backupsOf(row: RaciRow): string[] {
  const backup = row.backup;
  return backup === undefined ? [] : Array.isArray(backup) ? backup : [backup];
}

/**
 * The roles a person holds: those recorded under `roles`, or, when none is, those their job titles
 * suggest through the catalog's aliases (never a commitment such as executive sponsor).
 */
export function hats(_graph: TeamGraph, person: PersonNode): Set<string> {
  return new Set([...person.roles.map((r) => r.role), ...person.titleRoles]);
}

/** Where `person` holds `role` in the model: its entry under `roles`, else the job title that suggests it. */
export function wherePersonHolds(_graph: TeamGraph, person: PersonNode, role: string): (string | number)[] {
  const byRole = (person.source.roles ?? []).findIndex((r) => (typeof r === "string" ? r : r.role) === role);
  if (byRole !== -1) return ["roles", byRole];
  const title = person.titleMatches.find((m) => m.role === role)?.title;
  const byTitle = title === undefined ? -1 : (person.source.titles ?? []).indexOf(title);
  return byTitle !== -1 ? ["titles", byTitle] : ["id"];
}

/** `role`, followed by ` (from title "…")` when `person` holds it only by a job title. */
export function roleFrom(person: PersonNode, role: string): string {
  const title = person.titleMatches.find((m) => m.role === role)?.title;
  return title === undefined ? role : `${role} (from title "${title}")`;
}

/** Every role a job title gave someone, for `doctor --explain`. */
export function titleMatchesOf(graph: TeamGraph): RoleFromTitle[] {
  return [...graph.people.values()].flatMap((p) =>
    p.titleMatches.map((m) => ({ person: p.id, name: p.name, title: m.title, role: m.role })),
  );
}

/** A role a person holds by a job title only. */
export interface RoleFromTitle {
  person: string;
  name: string;
  title: string;
  role: string;
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
