/**
 * Who is who in a history. The analysed commit's `.mailmap` is applied first (src/evidence/mailmap.ts); then identities are merged:
 * those sharing an e-mail, and — unless turned off — those sharing a normalised name of two words
 * or more (case, accents, dots, dashes and spaces ignored), so "Scott Donohoo" with three
 * addresses is one developer; and those of one code-host login: a GitHub no-reply address
 * (`<id>+<login>@users.noreply.github.com`, or the older `<login>@users.noreply.github.com`) carries
 * its login, and an identity whose name is that login ("VectorPeak <garrufariw@…>") is its owner.
 * Authors are mapped to people of the model through their `emails`, `git` aliases, names and
 * `handle` (a no-reply address's login, or a login used as the name); the rest keep a git identity
 * of their own.
 *
 * Bots and placeholder identities ("Googler <nobody@google.com>", "nobody@localhost") are never
 * authors; their changes still count as changes by others. A name that is a person's name keeps
 * its owner human even when the e-mail says "bot" (Pascal Vicaire <kubeflow-pipeline-bot@…>).
 */
import type { Person } from "../model/schema.ts";
import { anyGlob } from "./globs.ts";

/** Globs on names and e-mails of bots (`evidence.bots` replaces them). */
export const DEFAULT_BOTS = [
  "*\\[bot\\]*",
  "dependabot*",
  "renovate*",
  "github-actions*",
  "*-bot",
  "* bot",
  "*-robot",
  "* robot",
  "copilot",
  "copybara*",
  "greenkeeper*",
  "mergify*",
  "pre-commit-ci*",
  "imgbot*",
  "allcontributors*",
  "semantic-release*",
  "web-flow",
  "*-bot@*",
  "*-robot@*",
  "bot@*",
  "*noreply@github.com",
];

/** E-mail local parts and names that stand for nobody in particular. */
const PLACEHOLDER_LOCALS = new Set([
  "nobody",
  "noreply",
  "no-reply",
  "none",
  "unknown",
  "anonymous",
  "invalid",
]);
const PLACEHOLDER_NAMES = new Set([
  "googler",
  "nobody",
  "unknown",
  "anonymous",
  "(no author)",
  "none",
  "root",
]);

/** How an author was matched. */
export interface Identity {
  /** A person id, or "git:<e-mail or name>" for someone the model does not list. */
  id: string;
  person: boolean;
}

export interface Exclusion {
  identity: string;
  reason: "bot" | "placeholder";
}

/**
 * What each learned identity resolves to — a developer, or the reason it is left out — as a run
 * can keep them for the next run over the same identities, people and settings.
 */
export type Resolutions = [
  text: string,
  id: string | null,
  person: boolean,
  reason: Exclusion["reason"] | null,
][];

export interface IdentityResolver {
  /** Learns identities ("Name <email>") before resolving, so that merges see them all. */
  learn(raws: Iterable<string>): void;
  /**
   * Instead of learning: the resolutions a previous run made of the same identity set, with the
   * same people and settings (merging is the costly part of a re-run).
   */
  restore(resolutions: Resolutions): void;
  /** Every learned identity's resolution, without counting them as seen in this run. */
  resolutions(): Resolutions;
  /** The identity of an author, or undefined for a bot or a placeholder. */
  resolve(name: string, email: string): Identity | undefined;
  /** {@link resolve} of a "Name <email>" text, as history stores it (remembered per text). */
  resolveText(text: string): Identity | undefined;
  /** The identity behind a code-host login (a pull-request reviewer): a person by `handle`, else "git:@login". */
  resolveHandle(login: string): Identity | undefined;
  /** Authors that matched no person: identity → the names and e-mails seen. */
  unmatched(): Map<string, Set<string>>;
  /** Identities merged into one: identity → the raw "Name <email>" it gathers (more than one). */
  merges(): Map<string, Set<string>>;
  /** Identities left out, and why. */
  exclusions(): Exclusion[];
}

export interface IdentityOptions {
  /** Globs of bot names and e-mails; {@link DEFAULT_BOTS} when omitted. */
  bots?: readonly string[];
  /** Merge identities that share a normalised name of two words or more (default true). */
  mergeByName?: boolean;
}

/** Lower case, accents dropped, spaces, dots, dashes and underscores removed. */
export const normaliseName = (name: string) =>
  name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[\s._-]+/g, "");

/** A name written as a person's: two words or more of letters, none of them a bot word. */
function looksLikeAPerson(name: string): boolean {
  const words = name
    .trim()
    .split(/[\s._-]+/)
    .filter(Boolean);
  return (
    words.length >= 2 &&
    words.every((w) => /^\p{L}[\p{L}'’]*$/u.test(w)) &&
    !words.some((w) => /^(bot|robot|ci|automation|service|build|deploy|release)$/i.test(w))
  );
}

/** The login a GitHub no-reply address carries (lower case), or undefined for any other address. */
export function noReplyLogin(email: string): string | undefined {
  const match = /^(?:\d+\+)?([a-z0-9](?:[a-z0-9-]*[a-z0-9])?)@users\.noreply\.github\.com$/i.exec(
    email.trim(),
  );
  return match?.[1]?.toLowerCase();
}

/** A name written as a login (one word of letters, digits and dashes), lower case; else undefined. */
function nameAsLogin(name: string): string | undefined {
  const trimmed = name.trim();
  if (!/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i.test(trimmed)) return undefined;
  const login = trimmed.toLowerCase();
  return PLACEHOLDER_NAMES.has(login) ? undefined : login;
}

/** Whether a name can merge identities: two words or more, not a placeholder. */
const mergeableName = (name: string) =>
  name
    .trim()
    .split(/[\s._-]+/)
    .filter(Boolean).length >= 2 && !PLACEHOLDER_NAMES.has(name.trim().toLowerCase());

/** Parses a "Name <email>" trailer. */
export function parseAuthor(text: string): { name: string; email: string } {
  const match = /^(.*?)\s*<([^>]*)>\s*$/.exec(text);
  return match
    ? { name: (match[1] ?? "").trim(), email: (match[2] ?? "").trim() }
    : { name: text.trim(), email: "" };
}

/** Why an identity is never an author: a bot, a placeholder, or undefined for a person. */
export function excludedAs(
  name: string,
  email: string,
  isBotText: (text: string) => boolean,
): Exclusion["reason"] | undefined {
  const local = email.toLowerCase().split("@")[0] ?? "";
  const lowerName = name.trim().toLowerCase();
  if (PLACEHOLDER_NAMES.has(lowerName) || PLACEHOLDER_LOCALS.has(local)) return "placeholder";
  if (isBotText(lowerName)) return "bot";
  if (isBotText(email.toLowerCase()) && !looksLikeAPerson(name)) return "bot";
  return undefined;
}

/** People's ids by e-mail, by normalised name (and `git` alias), and by code-host handle. */
interface PeopleIndex {
  byEmail: Map<string, string>;
  byName: Map<string, string>;
  byHandle: Map<string, string>;
}

function indexPeople(people: readonly Person[]): PeopleIndex {
  const byEmail = new Map<string, string>();
  const byName = new Map<string, string>();
  const byHandle = new Map<string, string>();
  for (const person of people) {
    if (person.handle) byHandle.set(person.handle.replace(/^@/, "").toLowerCase(), person.id);
    for (const email of person.emails ?? []) byEmail.set(email.toLowerCase(), person.id);
    for (const alias of person.git ?? []) {
      if (alias.includes("@")) byEmail.set(alias.toLowerCase(), person.id);
      else byName.set(normaliseName(alias), person.id);
    }
    byName.set(normaliseName(person.name), person.id);
  }
  return { byEmail, byName, byHandle };
}

/** A resolver's state: the people, what it learned and merged, and what this run resolved. */
interface ResolverState {
  people: PeopleIndex;
  mergeByName: boolean;
  isBotText: (text: string) => boolean;
  /** Union-find over e-mail and name keys: identities that share either are one developer. */
  parent: Map<string, string>;
  /** Each known identity's first key → the person it names directly (by e-mail or name). */
  directByKey: Map<string, string>;
  /** Cluster root → its one person (null when two people meet in it); rebuilt after learning. */
  personOfRoot: Map<string, string | null> | undefined;
  seenRaw: Map<string, Set<string>>;
  exclusions: Map<string, Exclusion>;
  cache: Map<string, Identity | undefined>;
  /** The same, by "Name <email>" text. */
  byText: Map<string, Identity | undefined>;
  /** Logins that a learned no-reply address carries. */
  noReplyLogins: Set<string>;
  /** Login → the first keys of identities whose name is that login (merged once an address carries it). */
  namedAsLogin: Map<string, string[]>;
  /** Each known identity ("name\0email") → its first key and the person it names directly. */
  known: Map<string, { key: string; direct: string | undefined }>;
  /** Why an identity is left out (undefined: a person), remembered: learning and resolving both ask. */
  reasons: Map<string, Exclusion["reason"] | undefined>;
  learnedTexts: Set<string>;
  /** Resolutions restored from a previous run, by text. */
  restored: Map<string, Identity | Exclusion["reason"]>;
}

/** The root of `x`'s cluster, compressing the path to it. */
function find(parent: Map<string, string>, x: string): string {
  let root = x;
  while (parent.has(root) && parent.get(root) !== root) root = parent.get(root) as string;
  let at = x;
  while (at !== root) {
    const next = parent.get(at) as string;
    parent.set(at, root);
    at = next;
  }
  if (!parent.has(root)) parent.set(root, root);
  return root;
}

function union(parent: Map<string, string>, a: string, b: string): void {
  const [ra, rb] = [find(parent, a), find(parent, b)];
  if (ra === rb) return;
  // The smaller key is the root, so a cluster's id does not depend on the order identities come in.
  const [low, high] = ra < rb ? [ra, rb] : [rb, ra];
  parent.set(high, low);
}

/**
 * The union-find keys of an identity: its e-mail, the login a no-reply address carries, and its
 * name when that can merge (or is all there is).
 */
function keysOf(mergeByName: boolean, name: string, email: string): string[] {
  const keys: string[] = [];
  if (email !== "") keys.push(`e:${email.toLowerCase()}`);
  const login = noReplyLogin(email);
  if (login) keys.push(`g:${login}`);
  if ((mergeByName && mergeableName(name)) || email === "") keys.push(`n:${normaliseName(name)}`);
  return keys;
}

/**
 * Joins an identity whose name is a login with that login's no-reply addresses, learned before or
 * after it: a one-word name merges with nothing else (`skip` is not one developer across projects),
 * but a login that an address of this history carries names one account.
 */
function joinLogins(s: ResolverState, key: string, name: string, email: string): void {
  const login = noReplyLogin(email);
  if (login && !s.noReplyLogins.has(login)) {
    s.noReplyLogins.add(login);
    for (const named of s.namedAsLogin.get(login) ?? []) union(s.parent, named, `g:${login}`);
  }
  const asLogin = s.mergeByName ? nameAsLogin(name) : undefined;
  if (!asLogin || asLogin === login) return;
  s.namedAsLogin.set(asLogin, [...(s.namedAsLogin.get(asLogin) ?? []), key]);
  if (s.noReplyLogins.has(asLogin)) union(s.parent, key, `g:${asLogin}`);
}

/** The person an identity names directly: by e-mail, by name, or by a login as `handle`. */
function directOf(people: PeopleIndex, name: string, email: string): string | undefined {
  const login = noReplyLogin(email) ?? nameAsLogin(name);
  return (
    people.byEmail.get(email.toLowerCase()) ??
    people.byName.get(normaliseName(name)) ??
    (login ? people.byHandle.get(login) : undefined)
  );
}

function learnOne(
  s: ResolverState,
  name: string,
  email: string,
): { key: string; direct: string | undefined } {
  const raw = `${name}\u0000${email}`;
  const before = s.known.get(raw);
  if (before) return before;
  const keys = keysOf(s.mergeByName, name, email);
  for (let i = 1; i < keys.length; i++) union(s.parent, keys[0] as string, keys[i] as string);
  joinLogins(s, keys[0] as string, name, email);
  const direct = directOf(s.people, name, email);
  const learned = { key: keys[0] as string, direct };
  s.known.set(raw, learned);
  if (direct) s.directByKey.set(learned.key, direct);
  s.personOfRoot = undefined;
  s.cache.clear();
  s.byText.clear();
  return learned;
}

function personOf(s: ResolverState, root: string): string | undefined {
  if (!s.personOfRoot) {
    s.personOfRoot = new Map();
    for (const [key, person] of s.directByKey) {
      const r = find(s.parent, key);
      const before = s.personOfRoot.get(r);
      s.personOfRoot.set(r, before === undefined || before === person ? person : null);
    }
  }
  return s.personOfRoot.get(root) ?? undefined;
}

function exclusionOf(s: ResolverState, raw: string, name: string, email: string) {
  if (s.reasons.has(raw)) return s.reasons.get(raw);
  const reason = excludedAs(name, email, s.isBotText);
  s.reasons.set(raw, reason);
  return reason;
}

/** An identity's developer, or why it is left out (learning it if new). */
function lookup(s: ResolverState, name: string, email: string): Identity | Exclusion["reason"] {
  const reason = exclusionOf(s, `${name}\u0000${email}`, name, email);
  if (reason) return reason;
  const learned = learnOne(s, name, email);
  const root = find(s.parent, learned.key);
  const person = learned.direct ?? personOf(s, root);
  return person ? { id: person, person: true } : { id: `git:${root.slice(2)}`, person: false };
}

/** Records that `text` (a "Name <email>" or "@login") was seen as the developer `id`. */
function noteSeen(s: ResolverState, id: string, text: string): void {
  const seen = s.seenRaw.get(id) ?? new Set<string>();
  seen.add(text);
  s.seenRaw.set(id, seen);
}

/** Resolves and records what this run saw: the identities behind each developer, the exclusions. */
function resolveWith(
  s: ResolverState,
  name: string,
  email: string,
  restoredAs?: Identity | Exclusion["reason"],
): Identity | undefined {
  const raw = `${name}\u0000${email}`;
  if (s.cache.has(raw)) return s.cache.get(raw);
  const found = restoredAs ?? lookup(s, name, email);
  if (typeof found === "string") {
    s.exclusions.set(raw, { identity: email ? `${name} <${email}>` : name, reason: found });
    s.cache.set(raw, undefined);
    return undefined;
  }
  noteSeen(s, found.id, email ? `${name} <${email}>` : name);
  s.cache.set(raw, found);
  return found;
}

function learnTexts(s: ResolverState, raws: Iterable<string>): void {
  for (const text of raws) {
    if (s.learnedTexts.has(text)) continue;
    s.learnedTexts.add(text);
    const { name, email } = parseAuthor(text);
    if (!exclusionOf(s, `${name}\u0000${email}`, name, email)) learnOne(s, name, email);
  }
}

function restoreResolutions(s: ResolverState, resolutions: Resolutions): void {
  for (const [text, id, person, reason] of resolutions) {
    s.learnedTexts.add(text);
    s.restored.set(text, id === null ? (reason ?? "bot") : { id, person });
  }
}

function resolutionsOf(s: ResolverState): Resolutions {
  return [...s.learnedTexts].map((text) => {
    const { name, email } = parseAuthor(text);
    const found = s.restored.get(text) ?? lookup(s, name, email);
    return typeof found === "string" ? [text, null, false, found] : [text, found.id, found.person, null];
  });
}

function resolveText(s: ResolverState, text: string): Identity | undefined {
  if (s.byText.has(text)) return s.byText.get(text);
  const { name, email } = parseAuthor(text);
  const identity = resolveWith(s, name, email, s.restored.get(text));
  s.byText.set(text, identity);
  return identity;
}

function resolveHandle(s: ResolverState, login: string): Identity | undefined {
  const bare = login.replace(/^@/, "");
  if (excludedAs(bare, "", s.isBotText)) return undefined;
  const person = s.people.byHandle.get(bare.toLowerCase());
  const identity: Identity = person ? { id: person, person: true } : { id: `git:@${bare}`, person: false };
  noteSeen(s, identity.id, `@${bare}`);
  return identity;
}

/** The developers seen whose identities pass `keep`: id → the names and e-mails seen. */
function seenWhere(s: ResolverState, keep: (id: string, seen: Set<string>) => boolean) {
  const out = new Map<string, Set<string>>();
  for (const [id, seen] of s.seenRaw) if (keep(id, seen)) out.set(id, seen);
  return out;
}

export function makeIdentityResolver(
  people: readonly Person[],
  options: IdentityOptions = {},
): IdentityResolver {
  const s: ResolverState = {
    people: indexPeople(people),
    mergeByName: options.mergeByName !== false,
    isBotText: anyGlob(
      (options.bots ?? DEFAULT_BOTS).map((b) => b.toLowerCase()),
      { nocase: true },
    ),
    parent: new Map(),
    directByKey: new Map(),
    personOfRoot: undefined,
    seenRaw: new Map(),
    exclusions: new Map(),
    cache: new Map(),
    byText: new Map(),
    known: new Map(),
    noReplyLogins: new Set(),
    namedAsLogin: new Map(),
    reasons: new Map(),
    learnedTexts: new Set(),
    restored: new Map(),
  };
  return {
    learn: (raws) => learnTexts(s, raws),
    restore: (resolutions) => restoreResolutions(s, resolutions),
    resolutions: () => resolutionsOf(s),
    resolveText: (text) => resolveText(s, text),
    resolve: (name, email) => resolveWith(s, name, email),
    resolveHandle: (login) => resolveHandle(s, login),
    unmatched: () => seenWhere(s, (id) => id.startsWith("git:")),
    merges: () => seenWhere(s, (_id, seen) => seen.size > 1),
    exclusions: () => [...s.exclusions.values()].sort((a, b) => a.identity.localeCompare(b.identity)),
  };
}
