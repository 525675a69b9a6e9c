/**
 * CODEOWNERS → proposed RACI rows, and the people and teams its owners name.
 *
 * Each rule's pattern is mapped to an activity through the evidence classifier (the built-in and
 * the model's path patterns), tried on a path the pattern matches (a directory rule such as
 * `/infra/` on a file inside it). Owners are matched to the model's people by `handle` or e-mail
 * and to its teams by `handle` (`@org/team`: the team's members); with no model, the owners
 * become new people and teams. Rows are proposals (owners as Responsible): someone should choose
 * the Accountable and review them. One summary replaces a note per line.
 */
import { parse } from "codeowners-utils";
import type { Classification } from "../evidence/classify.ts";
import type { Person, RaciRow, Team } from "../model/schema.ts";
import { type Imported, slug } from "./types.ts";

/** A concrete path that a CODEOWNERS pattern matches, to classify it. */
export function samplePath(pattern: string): string {
  let path = pattern.replace(/^\//, "");
  if (path.endsWith("/")) path += "x";
  path = path
    .replace(/\*\*/g, "x")
    .replace(/\*/g, "x")
    .replace(/\?/g, "x")
    .replace(/\[[^\]]*\]/g, "x");
  return /\/$/.test(path) ? `${path}x` : path;
}

/** The paths to classify for a pattern: itself, and a file inside it (a rule may name a directory). */
function samples(pattern: string): string[] {
  const path = samplePath(pattern);
  return [path, `${path}/x`];
}

export interface CodeownersOptions {
  /** The model's people and teams; without them the owners become new people and teams. */
  people?: readonly Person[];
  teams?: readonly Team[];
}

const LISTED = 8;
const some = (items: readonly string[]) =>
  items.length <= LISTED
    ? items.join(", ")
    : `${items.slice(0, LISTED).join(", ")} and ${items.length - LISTED} more`;

/** The owners' index into the model, and what resolving them creates or cannot place. */
interface Owners {
  /** No model given: owners become new people and teams. */
  fresh: boolean;
  personByOwner: Map<string, string>;
  teamByOwner: Map<string, Team>;
  people: Map<string, Person>;
  teams: Map<string, Team>;
  unknownOwners: Set<string>;
  emptyTeams: Set<string>;
}

/** The rules mapped to activities: the people owning each, and the patterns that match none. */
interface MappedRules {
  owners: Map<string, Set<string>>;
  unmatched: string[];
  mapped: number;
}

export function importCodeowners(
  text: string,
  classify: (path: string) => Classification | undefined,
  options: CodeownersOptions = {},
): Imported {
  const state = indexOwners(options);
  const entries = parse(text);
  if (entries.length === 0)
    throw new Error(
      "no CODEOWNERS rules found (lines of a pattern followed by owners: /infra/ @acme/platform)",
    );
  const { owners, unmatched, mapped } = mapRules(state, entries, classify);
  const raci: RaciRow[] = [];
  for (const [activity, set] of owners) {
    if (set.size === 0) continue;
    raci.push({ activity, R: [...set], note: "proposed from CODEOWNERS: choose the Accountable and review" });
  }
  return {
    people: [...state.people.values()],
    teams: [...state.teams.values()],
    raci,
    notes: ownerNotes(state),
    summary: {
      created: state.people.size,
      skipped: 0,
      used: [
        `${entries.length} ${entries.length === 1 ? "rule" : "rules"}`,
        `${mapped} mapped to ${raci.length} ${raci.length === 1 ? "activity" : "activities"}`,
      ],
      unknownColumns: [],
      unmapped: [],
      ...(unmatched.length
        ? {
            ignored: [
              `${unmatched.length} ${unmatched.length === 1 ? "rule matches" : "rules match"} no activity's patterns (${some(unmatched)})`,
            ],
          }
        : {}),
    },
  };
}

/** The model's people by handle and e-mail, and its teams by handle (lower case, without "@"). */
function indexOwners(options: CodeownersOptions): Owners {
  const personByOwner = new Map<string, string>();
  for (const p of options.people ?? []) {
    if (p.handle) personByOwner.set(p.handle.replace(/^@/, "").toLowerCase(), p.id);
    for (const email of p.emails ?? []) personByOwner.set(email.toLowerCase(), p.id);
  }
  const teamByOwner = new Map<string, Team>();
  for (const t of options.teams ?? [])
    if (t.handle) teamByOwner.set(t.handle.replace(/^@/, "").toLowerCase(), t);
  return {
    fresh: options.people === undefined,
    personByOwner,
    teamByOwner,
    people: new Map(),
    teams: new Map(),
    unknownOwners: new Set(),
    emptyTeams: new Set(),
  };
}

/** An owner → the people it stands for (a team: its members). */
function resolveOwner(state: Owners, owner: string): string[] {
  const key = owner.replace(/^@/, "").toLowerCase();
  const person = state.personByOwner.get(key);
  if (person) return [person];
  const team = state.teamByOwner.get(key);
  if (team) {
    if (!team.members?.length) state.emptyTeams.add(owner);
    return [...(team.members ?? [])];
  }
  if (!state.fresh) {
    state.unknownOwners.add(owner);
    return [];
  }
  if (key.includes("/")) {
    const id = slug(key.slice(key.indexOf("/") + 1));
    if (!state.teams.has(id))
      state.teams.set(id, { id, type: "product", members: [], handle: `@${owner.replace(/^@/, "")}` });
    return [];
  }
  const id = slug(key.includes("@") ? (key.split("@")[0] ?? key) : key);
  if (!state.people.has(id))
    state.people.set(id, {
      id,
      name: owner.replace(/^@/, ""),
      ...(key.includes("@") ? { emails: [owner] } : { handle: `@${owner.replace(/^@/, "")}` }),
    });
  return [id];
}

/** Each rule's owners gathered under the activity its pattern maps to, in the order of the file. */
function mapRules(
  state: Owners,
  entries: ReturnType<typeof parse>,
  classify: (path: string) => Classification | undefined,
): MappedRules {
  const owners = new Map<string, Set<string>>();
  const unmatched: string[] = [];
  let mapped = 0;
  // In the order of the file (the library gives the last rule first, as matching reads them).
  for (const entry of [...entries].reverse()) {
    const holders = entry.owners.flatMap((owner) => resolveOwner(state, owner));
    const hit = samples(entry.pattern)
      .map(classify)
      .find((c) => c !== undefined);
    if (!hit) {
      unmatched.push(entry.pattern);
      continue;
    }
    mapped++;
    const set = owners.get(hit.activity) ?? new Set<string>();
    for (const h of holders) set.add(h);
    owners.set(hit.activity, set);
  }
  return { owners, unmatched, mapped };
}

/** Notes on the owners that could not be placed, and on what was created from them. */
function ownerNotes({ fresh, people, teams, unknownOwners, emptyTeams }: Owners): string[] {
  const notes: string[] = [];
  if (unknownOwners.size)
    notes.push(
      `owners that are no person's handle or e-mail and no team's handle in the model: ${some([...unknownOwners])} — add their handle to the person (or team)`,
    );
  if (emptyTeams.size) notes.push(`team owners with no members in the model: ${some([...emptyTeams])}`);
  if (fresh && teams.size)
    notes.push(
      `teams created from owners (${some([...teams.values()].map((t) => t.handle ?? t.id))}): add their members and their type`,
    );
  if (fresh && people.size)
    notes.push("people created from owners carry their handle as name: write their names");
  return notes;
}
