/**
 * Merges imported entries into a whole model (the entry file and every file it includes): incoming
 * people are matched to the model's by id, any e-mail, code-host handle, then full name; a matched
 * person is updated in the file that holds them (comments kept), and only the truly new are added.
 * Teams match by id, name or handle (their new members are added); RACI rows by activity and
 * product; other entries by id. Planning the same import twice changes nothing. Pure: the files'
 * texts are given, the new texts returned.
 */
import type { Model } from "../model/model.ts";
import type { Person, Team } from "../model/schema.ts";
import { type EntryFields, setEntryFields } from "../model/yaml-edit.ts";
import { mergeIntoModel } from "./merge.ts";
import type { Imported } from "./types.ts";

export type MatchedBy = "id" | "e-mail" | "handle" | "name";

export interface PersonMatch {
  incoming: Person;
  existing: Person;
  by: MatchedBy;
}

export interface MergePlan {
  /** File → its new text, for the files that change. */
  files: Map<string, string>;
  added: string[];
  /** People and teams updated, each with what changed. */
  updated: string[];
  /** People matched, each with what matched them. */
  matched: string[];
  skipped: string[];
}

const norm = (s: string) => s.trim().toLowerCase();
const handleKey = (h: string) => norm(h).replace(/^@/, "");

/** Each incoming person's match in `existing` (by id, then e-mail, handle, full name), or none. */
export function matchPeople(
  existing: readonly Person[],
  incoming: readonly Person[],
): Map<Person, PersonMatch> {
  const index: Record<MatchedBy, Map<string, Person>> = {
    id: new Map(),
    "e-mail": new Map(),
    handle: new Map(),
    name: new Map(),
  };
  for (const p of existing) {
    index.id.set(p.id, p);
    for (const e of p.emails ?? []) index["e-mail"].set(norm(e), p);
    if (p.handle) index.handle.set(handleKey(p.handle), p);
    index.name.set(norm(p.name), p);
  }
  const matches = new Map<Person, PersonMatch>();
  for (const p of incoming) {
    const tries: [MatchedBy, string[]][] = [
      ["id", [p.id]],
      ["e-mail", (p.emails ?? []).map(norm)],
      ["handle", p.handle ? [handleKey(p.handle)] : []],
      ["name", [norm(p.name)]],
    ];
    for (const [by, keys] of tries) {
      const found = keys.map((k) => index[by].get(k)).find((x) => x !== undefined);
      if (found) {
        matches.set(p, { incoming: p, existing: found, by });
        break;
      }
    }
  }
  return matches;
}

/** The fields of `existing` an incoming person changes, with their new values (nothing when they agree). */
function personChanges(existing: Person, incoming: Person): Record<string, unknown> {
  const set: Record<string, unknown> = {};
  const emails = [...(existing.emails ?? [])];
  for (const e of incoming.emails ?? []) if (!emails.some((x) => norm(x) === norm(e))) emails.push(e);
  if (emails.length !== (existing.emails ?? []).length) set.emails = emails;
  if (incoming.handle && !existing.handle) set.handle = incoming.handle;
  const git = [...(existing.git ?? [])];
  for (const g of incoming.git ?? []) if (!git.includes(g)) git.push(g);
  if (git.length !== (existing.git ?? []).length) set.git = git;
  if (incoming.titles?.length && JSON.stringify(incoming.titles) !== JSON.stringify(existing.titles ?? []))
    set.titles = incoming.titles;
  for (const key of ["reportsTo", "employment", "capacity", "joined", "leaves"] as const) {
    const value = incoming[key];
    if (value !== undefined && value !== existing[key]) set[key] = value;
  }
  // Roles and skills are the team's to decide: a person already in the model keeps theirs, unless they have none.
  if (incoming.roles?.length && !existing.roles?.length) set.roles = incoming.roles;
  for (const [key, value] of Object.entries(incoming))
    if (key.startsWith("x-") && (existing as Record<string, unknown>)[key] !== value) set[key] = value;
  return set;
}

interface Planning {
  model: Model;
  into: string;
  read: (file: string) => string;
  changes: Map<string, EntryFields[]>;
  plan: MergePlan;
}

/** Where `node` of the model is written: its file and path, or undefined for an entry of no file. */
function placeOf(p: Planning, node: object): { file: string; path: readonly [string, number] } | undefined {
  const origin = p.model.origin(node);
  const [section, index] = origin?.path ?? [];
  if (!origin || typeof section !== "string" || typeof index !== "number") return undefined;
  return { file: origin.source.path, path: [section, index] };
}

function change(p: Planning, node: object, set: Record<string, unknown>, label: string): void {
  const place = placeOf(p, node);
  if (!place || Object.keys(set).length === 0) return;
  const list = p.changes.get(place.file) ?? [];
  list.push({ path: place.path, set });
  p.changes.set(place.file, list);
  p.plan.updated.push(`${label} in ${place.file} (${Object.keys(set).join(", ")})`);
}

/** Plans the merge of `imported` into `model` (whose entry file is `into`); `read` gives a file's text. */
export function planModelMerge(
  model: Model,
  into: string,
  read: (file: string) => string,
  imported: Imported,
): MergePlan {
  const p: Planning = {
    model,
    into,
    read,
    changes: new Map(),
    plan: { files: new Map(), added: [], updated: [], matched: [], skipped: [] },
  };
  const idOf = mergePeople(p, imported.people);
  const freshTeams = mergeTeams(p, imported.teams, idOf);
  const remaining: Imported = {
    people: imported.people.filter((x) => !idOf.matched.has(x)).map((x) => remapPerson(x, idOf.map)),
    teams: freshTeams,
    raci: imported.raci.filter((row) => {
      const there = model.raci.find((r) => r.activity === row.activity && r.product === row.product);
      if (there)
        p.plan.skipped.push(`RACI row for ${row.activity} (already in ${placeOf(p, there)?.file ?? into})`);
      return !there;
    }),
    notes: [],
  };
  for (const [section, entries] of [
    ["units", imported.units],
    ["products", imported.products],
    ["openings", imported.openings],
  ] as const) {
    const ids = new Set((model[section] as { id: string }[]).map((e) => e.id));
    const kept = (entries ?? []).filter((e) => {
      if (ids.has(e.id)) p.plan.skipped.push(`${section.slice(0, -1)} ${e.id} (already in the model)`);
      return !ids.has(e.id);
    });
    if (kept.length) Object.assign(remaining, { [section]: kept });
  }
  const stake = (x: { kind: string; person?: string | undefined; name?: string | undefined }) =>
    `${x.kind}|${x.person ? (idOf.map.get(x.person) ?? x.person) : ""}|${x.name ?? ""}`;
  const stakes = new Set(model.stakeholders.map(stake));
  const newStakes = (imported.stakeholders ?? [])
    .filter((x) => !stakes.has(stake(x)))
    .map((x) => (x.person ? { ...x, person: idOf.map.get(x.person) ?? x.person } : x));
  if (newStakes.length) remaining.stakeholders = newStakes;
  keepRest(p, imported, remaining);
  writePlan(p, remaining);
  return p.plan;
}

/** Matches the incoming people, plans the updates of those matched; incoming id → model id. */
function mergePeople(p: Planning, people: readonly Person[]) {
  const matches = matchPeople(p.model.people, people);
  const map = new Map<string, string>();
  const taken = new Set(p.model.people.map((x) => x.id));
  for (const person of people) {
    const match = matches.get(person);
    if (match) {
      map.set(person.id, match.existing.id);
      p.plan.matched.push(`${person.name} → ${match.existing.id} (by ${match.by})`);
      continue;
    }
    let id = person.id;
    for (let n = 2; taken.has(id); n++) id = `${person.id}-${n}`;
    taken.add(id);
    map.set(person.id, id);
  }
  for (const match of matches.values()) {
    const incoming = remapPerson(match.incoming, map);
    change(p, match.existing, personChanges(match.existing, incoming), `person ${match.existing.id}`);
  }
  return { map, matched: new Set(matches.keys()) };
}

function remapPerson(person: Person, map: ReadonlyMap<string, string>): Person {
  const id = map.get(person.id) ?? person.id;
  const reportsTo = person.reportsTo ? (map.get(person.reportsTo) ?? person.reportsTo) : undefined;
  const copy: Person = { ...person, id };
  if (reportsTo === undefined || reportsTo === id) delete copy.reportsTo;
  else copy.reportsTo = reportsTo;
  return copy;
}

/** Teams matched by id, name or handle get their new members; the others are returned, to add. */
function mergeTeams(p: Planning, teams: readonly Team[], idOf: { map: ReadonlyMap<string, string> }): Team[] {
  const fresh: Team[] = [];
  for (const team of teams) {
    const members = (team.members ?? []).map((m) => idOf.map.get(m) ?? m);
    const lead = team.lead ? (idOf.map.get(team.lead) ?? team.lead) : undefined;
    const existing = p.model.teams.find(
      (t) =>
        t.id === team.id ||
        (team.name && t.name && norm(t.name) === norm(team.name)) ||
        (team.handle && t.handle && handleKey(t.handle) === handleKey(team.handle)),
    );
    if (!existing) {
      fresh.push({ ...team, ...(members.length ? { members } : {}), ...(lead ? { lead } : {}) });
      continue;
    }
    const have = existing.members ?? [];
    const joined = members.filter((m) => !have.includes(m));
    const set: Record<string, unknown> = joined.length ? { members: [...have, ...joined] } : {};
    if (lead && !existing.lead) set.lead = lead;
    if (Object.keys(set).length) change(p, existing, set, `team ${existing.id}`);
    else p.plan.skipped.push(`team ${existing.id} (already in the model)`);
  }
  return fresh;
}

/** The rest of a whole model (an XLSX workbook): on-call, custom catalog entries and suppressions by id; the model keeps its own organisation and settings. */
function keepRest(p: Planning, imported: Imported, remaining: Imported): void {
  for (const [section, what] of REST) {
    const key = (e: { id?: string; rule?: string; subject?: string }) =>
      e.id ?? `${e.rule}|${e.subject ?? ""}`;
    const there = new Set((p.model[section] as { id?: string }[]).map(key));
    const kept = ((imported[section] ?? []) as { id?: string; rule?: string }[]).filter((e) => {
      if (there.has(key(e))) p.plan.skipped.push(`${what} ${e.id ?? e.rule} (already in the model)`);
      return !there.has(key(e));
    });
    if (kept.length) Object.assign(remaining, { [section]: kept });
  }
  for (const single of ["organisation", "rules", "evidence"] as const)
    if (imported[single] !== undefined) p.plan.skipped.push(`${single} (the model keeps its own)`);
}

const REST = [
  ["onCall", "on-call rotation"],
  ["roles", "role"],
  ["activities", "activity"],
  ["competencies", "competency"],
  ["suppress", "suppression of"],
] as const;

/** The new texts: updates in place in each file, then new entries after the section's entries (or in `into`). */
function writePlan(p: Planning, remaining: Imported): void {
  const { files } = p.plan;
  const text = (file: string) => files.get(file) ?? p.read(file);
  for (const [file, changes] of p.changes) files.set(file, setEntryFields(text(file), changes));
  const sectionFile = (
    section:
      | "people"
      | "teams"
      | "raci"
      | "units"
      | "products"
      | "openings"
      | "stakeholders"
      | (typeof REST)[number][0],
  ) => {
    const first = p.model[section][0];
    // With no entry of the section, the model's entry file (`into` may name its directory).
    return (first && placeOf(p, first)?.file) || p.model.files[0] || p.into;
  };
  const bySection: [keyof Imported & string, string][] = [
    ["people", sectionFile("people")],
    ["units", sectionFile("units")],
    ["teams", sectionFile("teams")],
    ["products", sectionFile("products")],
    ["openings", sectionFile("openings")],
    ["stakeholders", sectionFile("stakeholders")],
    ["raci", sectionFile("raci")],
    ...REST.map(([section]): [keyof Imported & string, string] => [section, sectionFile(section)]),
  ];
  const perFile = new Map<string, Imported>();
  for (const [section, file] of bySection) {
    const entries = remaining[section] as object[] | undefined;
    if (!entries?.length) continue;
    const part = perFile.get(file) ?? { people: [], teams: [], raci: [], notes: [] };
    Object.assign(part, { [section]: entries });
    perFile.set(file, part);
  }
  for (const [file, part] of perFile) {
    const merged = mergeIntoModel(text(file), part);
    p.plan.added.push(...merged.added);
    p.plan.skipped.push(...merged.skipped);
    if (merged.added.length) files.set(file, merged.text);
  }
  for (const [file, next] of files) if (next === p.read(file)) files.delete(file);
}
