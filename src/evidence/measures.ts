/**
 * Per-activity and per-repository measures from mined authorship: who authored the activity's
 * files (degree of authorship), its truck factor, who changed it recently, and when it last changed.
 * Pure: takes the stored states, a classifier and an identity resolver.
 */

import {
  authorsOf,
  CO_AUTHOR,
  type DevStats,
  type FileState,
  type TruckFactor,
  truckFactor,
} from "./authorship.ts";
import type { Classification } from "./classify.ts";
import { type FileFilter, keepsFile } from "./file-filter.ts";
import { type Exclusion, type IdentityResolver, parseAuthor } from "./identities.ts";
import type { RepoState } from "./store-port.ts";

export interface Contributor {
  id: string;
  person: boolean;
  /** Files of the activity this contributor authors (by DOA). */
  authored: number;
  changes: number;
  /** Changes within the recent window. */
  recent: number;
  /** Latest change, YYYY-MM-DD. */
  last: string;
}

export interface ActivityEvidence {
  activity: string;
  files: number;
  truckFactor: TruckFactor;
  contributors: Contributor[];
  /** Latest change to any of the activity's files, YYYY-MM-DD. */
  lastChange: string;
  repositories: string[];
}

export interface RepositoryEvidence {
  key: string;
  head: string;
  commits: number;
  shallow: boolean;
  /** Which files count: every file of the tree, or code files only. */
  filter: FileFilter;
  files: number;
  truckFactor: TruckFactor;
}

export interface EvidenceReport {
  activities: ActivityEvidence[];
  repositories: RepositoryEvidence[];
  /** Files at head that match no activity. */
  unclassified: number;
  /** Git identities that match no person of the model. */
  unmatched: { id: string; seen: string[] }[];
  /** The recent window: changes from this month on count as recent ("YYYY-MM"). */
  windowStart: string;
  /** Whether co-authors (`Co-authored-by`) were credited as authors. */
  coAuthors: boolean;
  /** Identities merged into one developer (e-mail, name or .mailmap), and those left out. */
  identities: { merged: { id: string; seen: string[] }[]; excluded: Exclusion[] };
}

export interface MeasureOptions {
  /** Credit `Co-authored-by` trailers as authorship (default: the commit's author only). */
  coAuthors?: boolean;
  /** Which files count, per repository (default every file of the tree). */
  filterFor?: (state: RepoState) => FileFilter;
}

/**
 * Resolves a file's raw git identities to people (or git identities), merging their stats. Bots
 * and placeholders are not developers: their changes are returned apart, as changes by others.
 * Co-authors' credit counts only when `coAuthors` is on.
 */
export function resolvedDevs(
  file: FileState,
  resolver: IdentityResolver,
  coAuthors: boolean,
): { devs: Map<string, DevStats & { person: boolean }>; others: number } {
  const out = new Map<string, DevStats & { person: boolean }>();
  let others = 0;
  for (const [key, s] of file.devs) {
    const co = key.startsWith(CO_AUTHOR);
    if (co && !coAuthors) continue;
    const { name, email } = parseAuthor(co ? key.slice(CO_AUTHOR.length) : key);
    const identity = resolver.resolve(name, email);
    if (!identity) {
      others += s.dl;
      continue;
    }
    const merged = out.get(identity.id) ?? {
      fa: 0,
      dl: 0,
      last: 0,
      months: new Map(),
      person: identity.person,
    };
    merged.fa = Math.max(merged.fa, s.fa);
    merged.dl += s.dl;
    merged.last = Math.max(merged.last, s.last);
    for (const [m, n] of s.months) merged.months.set(m, (merged.months.get(m) ?? 0) + n);
    out.set(identity.id, merged);
  }
  return { devs: out, others };
}

const day = (seconds: number) => (seconds > 0 ? new Date(seconds * 1000).toISOString().slice(0, 10) : "");

export function measureEvidence(
  states: readonly RepoState[],
  classifierFor: (state: RepoState) => (path: string) => Classification | undefined,
  resolver: IdentityResolver,
  windowStart: string,
  options: MeasureOptions = {},
): EvidenceReport {
  const coAuthors = options.coAuthors === true;
  // Every identity first, so that merges by e-mail and name see them all.
  const raws = new Set<string>();
  for (const state of states)
    for (const file of state.files.values())
      if (file.atHead)
        for (const key of file.devs.keys())
          if (coAuthors || !key.startsWith(CO_AUTHOR))
            raws.add(key.startsWith(CO_AUTHOR) ? key.slice(CO_AUTHOR.length) : key);
  resolver.learn(raws);
  interface Bucket {
    authors: string[][];
    devs: Map<string, Contributor>;
    last: number;
    repos: Set<string>;
  }
  const byActivity = new Map<string, Bucket>();
  const repositories: RepositoryEvidence[] = [];
  let unclassified = 0;
  for (const state of states) {
    const classify = classifierFor(state);
    const filter = options.filterFor?.(state) ?? "all";
    const repoAuthors: string[][] = [];
    for (const file of state.files.values()) {
      // The tree's files whose history was mined (a file with no add or change is left out).
      if (!file.atHead || file.devs.size === 0 || !keepsFile(filter, file.path)) continue;
      const { devs, others } = resolvedDevs(file, resolver, coAuthors);
      const authors = authorsOf({ devs }, others).map((a) => a.dev);
      repoAuthors.push(authors);
      const hit = classify(file.path);
      if (!hit) {
        unclassified++;
        continue;
      }
      const bucket: Bucket = byActivity.get(hit.activity) ?? {
        authors: [],
        devs: new Map(),
        last: 0,
        repos: new Set(),
      };
      bucket.authors.push(authors);
      bucket.repos.add(state.key);
      for (const [id, s] of devs) {
        const c = bucket.devs.get(id) ?? {
          id,
          person: s.person,
          authored: 0,
          changes: 0,
          recent: 0,
          last: "",
        };
        c.changes += s.fa + s.dl;
        for (const [month, n] of s.months) if (month >= windowStart) c.recent += n;
        const last = day(s.last);
        if (last > c.last) c.last = last;
        if (authors.includes(id)) c.authored++;
        bucket.devs.set(id, c);
        bucket.last = Math.max(bucket.last, s.last);
      }
      byActivity.set(hit.activity, bucket);
    }
    repositories.push({
      key: state.key,
      head: state.head,
      commits: state.commits,
      shallow: state.shallow,
      filter,
      files: repoAuthors.length,
      truckFactor: truckFactor(repoAuthors),
    });
  }
  const activities = [...byActivity]
    .map(([activity, b]) => ({
      activity,
      files: b.authors.length,
      truckFactor: truckFactor(b.authors),
      contributors: [...b.devs.values()].sort(
        (x, y) => y.authored - x.authored || y.changes - x.changes || x.id.localeCompare(y.id),
      ),
      lastChange: day(b.last),
      repositories: [...b.repos],
    }))
    .sort((a, b) => a.activity.localeCompare(b.activity));
  const unmatched = [...resolver.unmatched()]
    .map(([id, seen]) => ({ id, seen: [...seen].sort() }))
    .sort((a, b) => a.id.localeCompare(b.id));
  const merged = [...resolver.merges()]
    .map(([id, seen]) => ({ id, seen: [...seen].sort() }))
    .sort((a, b) => a.id.localeCompare(b.id));
  return {
    activities,
    repositories,
    unclassified,
    unmatched,
    windowStart,
    coAuthors,
    identities: { merged, excluded: resolver.exclusions() },
  };
}

/** The first month of a window of `months` months ending with the month of `today` (YYYY-MM-DD). */
export function windowStartFor(today: string, months: number): string {
  const [y, m] = today.split("-").map(Number) as [number, number];
  const index = y * 12 + (m - 1) - (months - 1);
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
}
