/**
 * Maps git authors to people of the model: by e-mail, then by name (case, dots, dashes and spaces
 * ignored), through the people's `emails` and `git` lists; authors matching no person keep a git
 * identity of their own. `.mailmap` is applied by git itself (`--use-mailmap`). Bots are left out.
 */
import picomatch from "picomatch";
import type { Person } from "../model/schema.ts";

export const DEFAULT_BOTS = [
  "*\\[bot\\]*",
  "dependabot*",
  "renovate*",
  "github-actions*",
  "*-bot",
  "*-bot@*",
  "bot@*",
  "*noreply@github.com",
];

/** How an author was matched. */
export interface Identity {
  /** A person id, or "git:<email or name>" for someone the model does not list. */
  id: string;
  person: boolean;
}

export interface IdentityResolver {
  /** The identity of an author, or undefined for a bot. */
  resolve(name: string, email: string): Identity | undefined;
  /** Authors that matched no person: identity → the names and e-mails seen. */
  unmatched(): Map<string, Set<string>>;
}

export const normaliseName = (name: string) => name.toLowerCase().replace(/[\s._-]+/g, "");

/** Parses a "Name <email>" trailer. */
export function parseAuthor(text: string): { name: string; email: string } {
  const match = /^(.*?)\s*<([^>]*)>\s*$/.exec(text);
  return match
    ? { name: (match[1] ?? "").trim(), email: (match[2] ?? "").trim() }
    : { name: text.trim(), email: "" };
}

export function makeIdentityResolver(
  people: readonly Person[],
  bots: readonly string[] = DEFAULT_BOTS,
): IdentityResolver {
  const byEmail = new Map<string, string>();
  const byName = new Map<string, string>();
  for (const person of people) {
    for (const email of person.emails ?? []) byEmail.set(email.toLowerCase(), person.id);
    for (const alias of person.git ?? []) {
      if (alias.includes("@")) byEmail.set(alias.toLowerCase(), person.id);
      else byName.set(normaliseName(alias), person.id);
    }
    byName.set(normaliseName(person.name), person.id);
  }
  const isBot = picomatch(
    bots.map((b) => b.toLowerCase()),
    { nocase: true },
  );
  const unmatched = new Map<string, Set<string>>();
  const cache = new Map<string, Identity | undefined>();
  return {
    resolve(name, email) {
      const key = `${name}\u0000${email}`;
      if (cache.has(key)) return cache.get(key);
      let identity: Identity | undefined;
      if (isBot(name.toLowerCase()) || isBot(email.toLowerCase())) identity = undefined;
      else {
        const person = byEmail.get(email.toLowerCase()) ?? byName.get(normaliseName(name));
        if (person) identity = { id: person, person: true };
        else {
          const id = `git:${email !== "" ? email.toLowerCase() : normaliseName(name)}`;
          identity = { id, person: false };
          const seen = unmatched.get(id) ?? new Set<string>();
          seen.add(email ? `${name} <${email}>` : name);
          unmatched.set(id, seen);
        }
      }
      cache.set(key, identity);
      return identity;
    },
    unmatched: () => unmatched,
  };
}
