/**
 * One person, one identity across the sources of an organisation: people of different team models
 * are the same person when their ids, any of their e-mails or their code-host handles match. Each
 * group of matching entries is one person of the organisation; a group whose entries give different
 * names is a conflict worth a warning (two people sharing an address, or a typo). Pure.
 */
import type { Person } from "./schema.ts";

/** A person as one source records them. */
export interface SourcePerson {
  source: string;
  person: Person;
  /** For an entry after the first: what tied it to the entries before. */
  matchedBy?: IdentityMatch;
}

/** How two entries of the same person were recognised. */
export type IdentityMatch = "id" | "e-mail" | "handle";

export interface OrgPerson {
  /** The first entry's id (sources in the organisation file's order): the person's key across teams. */
  key: string;
  name: string;
  entries: SourcePerson[];
  /** Names the entries give that differ from the first (normalised). */
  otherNames: string[];
}

export interface OrgIdentities {
  people: OrgPerson[];
  /** Source → person id in that source → the organisation's person. */
  of(source: string, id: string): OrgPerson | undefined;
}

const normalName = (name: string) => name.toLowerCase().replace(/\s+/g, " ").trim();
const normalHandle = (handle: string) => handle.replace(/^@/, "").toLowerCase();

/** The identity keys of an entry, strongest first: `id:…`, `email:…`, `handle:…`. */
export function identityKeys(person: Person): string[] {
  return keysOf(person).map((k) => k.key);
}

/** What kind of key `key` is (see {@link identityKeys}). */
export function identityMatch(key: string): IdentityMatch {
  return key.startsWith("email:") ? "e-mail" : key.startsWith("handle:") ? "handle" : "id";
}

function keysOf(person: Person): { key: string; by: IdentityMatch }[] {
  return [
    { key: `id:${person.id}`, by: "id" },
    ...(person.emails ?? []).map((e) => ({ key: `email:${e.trim().toLowerCase()}`, by: "e-mail" as const })),
    ...(person.handle ? [{ key: `handle:${normalHandle(person.handle)}`, by: "handle" as const }] : []),
  ];
}

/** Groups the people of every source into the organisation's people. */
export function organisationIdentities(
  sources: readonly { id: string; people: readonly Person[] }[],
): OrgIdentities {
  const byKey = new Map<string, OrgPerson>();
  const bySourceId = new Map<string, OrgPerson>();
  const people: OrgPerson[] = [];
  for (const source of sources)
    for (const person of source.people) {
      const keys = keysOf(person);
      const matches = keys.flatMap((k) => {
        const found = byKey.get(k.key);
        return found ? [{ found, by: k.by }] : [];
      });
      let entry = matches[0]?.found;
      if (!entry) {
        entry = { key: person.id, name: person.name, entries: [], otherNames: [] };
        people.push(entry);
      } else {
        // Entries the new one also matches join the same person.
        for (const { found } of matches.slice(1))
          if (found !== entry) absorb(entry, found, byKey, bySourceId, people);
        if (normalName(person.name) !== normalName(entry.name) && !entry.otherNames.includes(person.name))
          entry.otherNames.push(person.name);
      }
      const first = matches[0];
      entry.entries.push({ source: source.id, person, ...(first ? { matchedBy: first.by } : {}) });
      for (const k of keys) if (!byKey.has(k.key)) byKey.set(k.key, entry);
      bySourceId.set(`${source.id}\u0000${person.id}`, entry);
    }
  return { people, of: (source, id) => bySourceId.get(`${source}\u0000${id}`) };
}

/** Moves `other`'s entries into `into` (a later entry tied two people together). */
function absorb(
  into: OrgPerson,
  other: OrgPerson,
  byKey: Map<string, OrgPerson>,
  bySourceId: Map<string, OrgPerson>,
  people: OrgPerson[],
): void {
  for (const e of other.entries) {
    into.entries.push(e);
    bySourceId.set(`${e.source}\u0000${e.person.id}`, into);
    if (normalName(e.person.name) !== normalName(into.name) && !into.otherNames.includes(e.person.name))
      into.otherNames.push(e.person.name);
  }
  for (const [k, v] of byKey) if (v === other) byKey.set(k, into);
  people.splice(people.indexOf(other), 1);
}
