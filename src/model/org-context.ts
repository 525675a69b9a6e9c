/**
 * A team's model as the organisation sees it: its own entries, plus what it needs of the other
 * sources so that its references resolve and what other teams provide counts — every source with a
 * team that serves one of its teams, or that one of its teams serves (their people, teams, general
 * RACI rows and custom catalog entries), the teams it names that live elsewhere, and the people it names that live elsewhere
 * with their line of managers. A person of another source who is one of the team's own people (by
 * id, e-mail or handle) is not added twice: references to them are renamed to the team's own id.
 * Entries borrowed from other sources keep their origin, with the source's id before the file name
 * (`platform:mlteam.yaml`), so that what is located in them is told apart from the team's own. Pure.
 */
import type { Location, Model, Origin } from "./model.ts";
import type { OrgIdentities } from "./org-identity.ts";
import { parseRaciRef } from "./raci-ref.ts";
import type { Person, RaciRow, Team } from "./schema.ts";
import { RACI_LETTERS } from "./schema.ts";

export interface OrgSourceModel {
  id: string;
  model: Model;
}

/** The organisation's sources, indexed once for every team's context. */
export interface OrgModels {
  sources: readonly OrgSourceModel[];
  identities: OrgIdentities;
  /** Team id → the source that defines it (the first, in the organisation file's order). */
  teams: ReadonlyMap<string, { source: string; team: Team }>;
  /** Person id → the first source that defines it. */
  people: ReadonlyMap<string, { source: string; person: Person }>;
}

export function indexOrganisation(sources: readonly OrgSourceModel[], identities: OrgIdentities): OrgModels {
  const teams = new Map<string, { source: string; team: Team }>();
  const people = new Map<string, { source: string; person: Person }>();
  for (const { id, model } of sources) {
    for (const team of model.teams) if (!teams.has(team.id)) teams.set(team.id, { source: id, team });
    for (const person of model.people)
      if (!people.has(person.id)) people.set(person.id, { source: id, person });
  }
  return { sources, identities, teams, people };
}

/**
 * The sources `source` works with: those with a team that serves one of its teams, and those whose
 * teams one of its teams serves (a platform team's view of the organisation includes the product
 * teams it serves, which do the work it does not).
 */
/** The sources with a team that serves one of `source`'s teams. */
export function servingSources(org: OrgModels, source: string): string[] {
  const own = org.sources.find((s) => s.id === source)?.model;
  const ownTeams = new Set(own?.teams.map((t) => t.id));
  return org.sources
    .filter(
      (s) => s.id !== source && s.model.teams.some((t) => (t.serves ?? []).some((id) => ownTeams.has(id))),
    )
    .map((s) => s.id);
}

export function neighbourSources(org: OrgModels, source: string): string[] {
  const own = org.sources.find((s) => s.id === source)?.model;
  if (!own) return [];
  const ownTeams = new Set(own.teams.map((t) => t.id));
  const served = new Set(own.teams.flatMap((t) => t.serves ?? []));
  return org.sources
    .filter(
      (s) =>
        s.id !== source &&
        s.model.teams.some((t) => served.has(t.id) || (t.serves ?? []).some((id) => ownTeams.has(id))),
    )
    .map((s) => s.id);
}

/** What a context entry was copied from. */
interface Borrowed {
  source: string;
  model: Model;
  original: object;
}

/** The model of `source` with what it needs of the other sources (see the module's comment), and those sources. */
export function modelInOrganisation(
  org: OrgModels,
  source: string,
): { model: Model; borrowedFrom: string[] } {
  const own = org.sources.find((s) => s.id === source)?.model;
  if (!own) throw new Error(`modelInOrganisation: no source "${source}"`);
  const context = new ContextBuilder(org, source, own);
  for (const neighbour of neighbourSources(org, source)) context.addSource(neighbour);
  context.serving = new Set(servingSources(org, source));
  context.addNamedTeams();
  context.addNamedPeople();
  return {
    model: context.build(),
    borrowedFrom: [...new Set([...context.borrowed.values()].map((b) => b.source))].sort(),
  };
}

class ContextBuilder {
  readonly borrowed = new Map<object, Borrowed>();
  readonly people: Person[] = [];
  readonly teams: Team[] = [];
  readonly raci: RaciRow[] = [];
  readonly custom = { roles: [] as object[], activities: [] as object[], competencies: [] as object[] };
  /** Ids of people present (own, or borrowed), and other sources' ids renamed to the team's own. */
  readonly present = new Set<string>();
  readonly teamIds = new Set<string>();
  readonly fullSources = new Set<string>();
  /** The sources serving the team: their people are within reach of the team's own rows. */
  serving: ReadonlySet<string> = new Set();
  /** Source → the ids (as renamed here) of its people present in the context. */
  readonly sourcePeople = new Map<string, Set<string>>();

  constructor(
    readonly org: OrgModels,
    readonly source: string,
    readonly own: Model,
  ) {
    for (const p of own.people) this.present.add(p.id);
    for (const t of own.teams) this.teamIds.add(t.id);
  }

  /** The id a person of `source` has in this context: the team's own id for one of its own people. */
  idIn(source: string, id: string): string {
    const person = this.org.identities.of(source, id);
    if (!person) return id;
    const mine = person.entries.find((e) => e.source === this.source);
    if (mine) return mine.person.id;
    const taken = person.entries.find((e) => this.present.has(e.person.id));
    return taken ? taken.person.id : id;
  }

  addSource(id: string): void {
    const found = this.org.sources.find((s) => s.id === id);
    if (!found || this.fullSources.has(id)) return;
    this.fullSources.add(id);
    for (const person of found.model.people) this.addPerson(id, found.model, person);
    for (const team of found.model.teams) this.addTeam(id, found.model, team);
    for (const row of found.model.raci) {
      // Only general rows: a row for one of its products is about a product this team does not own.
      if (row.product !== undefined) continue;
      this.raci.push(
        this.borrow(
          id,
          found.model,
          row,
          renameRow(row, (x) => this.idIn(id, x)),
        ),
      );
    }
    for (const section of ["roles", "activities", "competencies"] as const)
      for (const entry of found.model[section])
        this.custom[section].push(this.borrow(id, found.model, entry, entry));
  }

  addPerson(source: string, model: Model, person: Person): void {
    const id = this.idIn(source, person.id);
    const ofSource = this.sourcePeople.get(source) ?? new Set<string>();
    this.sourcePeople.set(source, ofSource);
    ofSource.add(id);
    if (this.present.has(id)) return;
    this.present.add(id);
    const copy =
      person.reportsTo === undefined ? person : { ...person, reportsTo: this.idIn(source, person.reportsTo) };
    this.people.push(this.borrow(source, model, person, copy));
  }

  addTeam(source: string, model: Model, team: Team): void {
    if (this.teamIds.has(team.id)) return;
    this.teamIds.add(team.id);
    const rename = (x: string) => this.idIn(source, x);
    const copy: Team = {
      ...team,
      ...(team.members ? { members: team.members.map(rename) } : {}),
      ...(team.lead !== undefined ? { lead: rename(team.lead) } : {}),
    };
    this.teams.push(this.borrow(source, model, team, copy));
  }

  /** Teams the team's model names (served, owning a product, of an opening or rotation) that live elsewhere. */
  addNamedTeams(): void {
    const named = [
      ...this.own.teams.flatMap((t) => t.serves ?? []),
      ...this.own.products.map((p) => p.team),
      ...this.own.openings.flatMap((o) => (o.team !== undefined ? [o.team] : [])),
      ...this.own.onCall.flatMap((r) => (r.team !== undefined ? [r.team] : [])),
    ];
    for (const id of named) {
      const found = this.org.teams.get(id);
      if (!found || this.teamIds.has(id)) continue;
      const model = this.modelOf(found.source);
      if (model) this.addTeam(found.source, model, found.team);
    }
  }

  /** People the team's model names that live elsewhere, with the managers above them. */
  addNamedPeople(): void {
    const queue = [
      ...namedPeople(this.own),
      ...this.people.flatMap((p) => (p.reportsTo ? [p.reportsTo] : [])),
    ];
    for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
      if (this.present.has(id)) continue;
      const found = this.org.people.get(id);
      const model = found ? this.modelOf(found.source) : undefined;
      if (!found || !model) continue;
      this.addPerson(found.source, model, found.person);
      if (found.person.reportsTo !== undefined) queue.push(this.idIn(found.source, found.person.reportsTo));
    }
  }

  modelOf(source: string): Model | undefined {
    return this.org.sources.find((s) => s.id === source)?.model;
  }

  borrow<T extends object>(source: string, model: Model, original: object, copy: T): T {
    this.borrowed.set(copy, { source, model, original });
    return copy;
  }

  build(): Model {
    const servingPeople = new Map<string, string>();
    for (const source of this.serving)
      for (const id of this.sourcePeople.get(source) ?? []) servingPeople.set(id, source);
    return composedModel(
      this.own,
      { ...this, sourcePeople: this.sourcePeople, servingPeople },
      this.borrowed,
    );
  }
}

/** Every person id the model names in a reference. */
function namedPeople(model: Model): string[] {
  const ids: string[] = [];
  for (const p of model.people) if (p.reportsTo !== undefined) ids.push(p.reportsTo);
  for (const t of model.teams) ids.push(...(t.members ?? []), ...(t.lead !== undefined ? [t.lead] : []));
  for (const p of model.products) ids.push(...(p.oversight ?? []));
  for (const s of model.stakeholders) if (s.person !== undefined) ids.push(s.person);
  for (const r of model.onCall) ids.push(...r.people);
  for (const row of model.raci)
    for (const letter of RACI_LETTERS) {
      const value = row[letter];
      for (const raw of value === undefined ? [] : typeof value === "string" ? [value] : value) {
        const ref = parseRaciRef(raw);
        if (ref.kind !== "role") ids.push(ref.id);
      }
    }
  return ids;
}

/** The row with each person reference renamed (a role or an unknown id is left as written). */
function renameRow(row: RaciRow, rename: (id: string) => string): RaciRow {
  const one = (raw: string) => {
    const ref = parseRaciRef(raw);
    if (ref.kind === "role") return raw;
    const renamed = rename(ref.id);
    return renamed === ref.id ? raw : ref.kind ? `${ref.kind}:${renamed}` : renamed;
  };
  const copy: RaciRow = { ...row };
  for (const letter of RACI_LETTERS) {
    const value = row[letter];
    if (value === undefined) continue;
    (copy as Record<string, unknown>)[letter] = typeof value === "string" ? one(value) : value.map(one);
  }
  return copy;
}

/** The team's model with the borrowed entries appended; locations of borrowed ones name their source. */
function composedModel(
  own: Model,
  added: Pick<ContextBuilder, "people" | "teams" | "raci" | "custom" | "sourcePeople"> & {
    servingPeople: ReadonlyMap<string, string>;
  },
  borrowed: ReadonlyMap<object, Borrowed>,
): Model {
  const originOf = (node: object): Origin | undefined => {
    const b = borrowed.get(node);
    return b ? b.model.origin(b.original) : own.origin(node);
  };
  const ownScope = new Set([...own.people.map((p) => p.id), ...added.servingPeople.keys()]);
  const invalidIds = new Set(own.invalidIds);
  for (const b of new Set([...borrowed.values()].map((x) => x.model)))
    for (const id of b.invalidIds) invalidIds.add(id);
  return {
    ...own,
    people: [...own.people, ...added.people],
    teams: [...own.teams, ...added.teams],
    raci: [...own.raci, ...added.raci],
    roles: [...own.roles, ...(added.custom.roles as Model["roles"])],
    activities: [...own.activities, ...(added.custom.activities as Model["activities"])],
    competencies: [...own.competencies, ...(added.custom.competencies as Model["competencies"])],
    invalidIds,
    origin: originOf,
    scope(row) {
      const b = borrowed.get(row);
      return b ? added.sourcePeople.get(b.source) : ownScope;
    },
    locate(node, path = [], target = "value"): Location {
      const b = borrowed.get(node);
      if (!b) return own.locate(node, path, target);
      const at = b.model.locate(b.original, path, target);
      return { ...at, file: `${b.source}:${at.file}` };
    },
  };
}

/** Whether `location` is in one of the team's own files (not in an entry borrowed from another source). */
export function isOwnLocation(model: Pick<Model, "files">, location: Pick<Location, "file">): boolean {
  return model.files.includes(location.file);
}
