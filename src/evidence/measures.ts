/**
 * Per-activity and per-repository measures from mined authorship: who authored the activity's
 * files (degree of authorship), its truck factor — of everyone, of the people still active, and
 * with reviewers counted as knowing the files they reviewed — who changed it recently, and when it
 * last changed. Pure: takes the stored states, a classifier and an identity resolver.
 */

import {
  authorsOf,
  CO_AUTHOR,
  changesSince,
  type DevStats,
  type FileState,
  mergeMonths,
  monthIndexOfText,
  REVIEWER,
  type TruckFactor,
  truckFactor,
} from "./authorship.ts";
import type { Classification } from "./classify.ts";
import { type FileFilter, keepsFile } from "./file-filter.ts";
import { type Exclusion, type IdentityResolver, parseAuthor } from "./identities.ts";
import type { Mailmap } from "./mailmap.ts";
import type { FileReviews } from "./pull-reviews.ts";
import type { RepoState } from "./store-port.ts";

export interface Contributor {
  id: string;
  person: boolean;
  /** Files of the activity this contributor authors (by DOA). */
  authored: number;
  changes: number;
  /** Changes within the recent window. */
  recent: number;
  /** Reviews of changes to the activity's files (trailers and exported pull-request reviews). */
  reviews: number;
  /** Latest change or review, YYYY-MM-DD. */
  last: string;
  /** A commit or review within the window, and not gone (the model's `leaves` date). */
  active: boolean;
}

export interface ActivityEvidence {
  activity: string;
  files: number;
  truckFactor: TruckFactor;
  /** The truck factor counting only active authors (0: the knowledge rests on people who left). */
  truckFactorActive: TruckFactor;
  /** The truck factor with each file's reviewers counted beside its authors. */
  truckFactorWithReviews: TruckFactor;
  /** How many people reviewed changes to the activity's files. */
  reviewers: number;
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
  truckFactorActive: TruckFactor;
  truckFactorWithReviews: TruckFactor;
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
  /** Contributors without a commit or review in the window, or gone: id → latest activity (YYYY-MM-DD). */
  inactive: { id: string; last: string }[];
}

export interface MeasureOptions {
  /** Credit `Co-authored-by` trailers as authorship (default: the commit's author only). */
  coAuthors?: boolean;
  /** Which files count, per repository (default every file of the tree). */
  filterFor?: (state: RepoState) => FileFilter;
  /** Exported pull-request reviews of a repository: path → reviewers (logins). */
  pullReviewsFor?: (state: RepoState) => ReadonlyMap<string, FileReviews> | undefined;
  /** A repository's `.mailmap` (of the analysed commit), applied to its identities as committed. */
  mailmapFor?: (state: RepoState) => Mailmap | undefined;
  /** Whether a contributor has gone whatever their history says (a person past their `leaves` date). */
  gone?: (id: string) => boolean;
}

type Resolved = DevStats & { person: boolean };

/** "Name <email>" → the same through a .mailmap, remembered per text. */
function mailmapper(mailmap: Mailmap | undefined): (text: string) => string {
  if (!mailmap || mailmap.size === 0) return (text) => text;
  const cache = new Map<string, string>();
  return (text) => {
    let out = cache.get(text);
    if (out === undefined) {
      const { name, email } = parseAuthor(text);
      const proper = mailmap.map(name, email);
      out =
        proper.name === name && proper.email === email
          ? text
          : `${proper.name} <${proper.email.toLowerCase()}>`;
      cache.set(text, out);
    }
    return out;
  };
}

/**
 * Resolves a file's raw git identities to people (or git identities), merging their stats. Bots
 * and placeholders are not developers: their changes are returned apart, as changes by others.
 * Co-authors' credit counts only when `coAuthors` is on; reviewers are never authors.
 */
export function resolvedDevs(
  file: FileState,
  resolver: IdentityResolver,
  coAuthors: boolean,
  mapped: (text: string) => string = (text) => text,
): { devs: Map<string, Resolved>; others: number } {
  const out = new Map<string, Resolved>();
  let others = 0;
  for (const [key, s] of file.devs) {
    if (key.startsWith(REVIEWER)) continue;
    const co = key.startsWith(CO_AUTHOR);
    if (co && !coAuthors) continue;
    const identity = resolver.resolveText(mapped(co ? key.slice(CO_AUTHOR.length) : key));
    if (!identity) {
      others += s.dl;
      continue;
    }
    addStats(out, identity.id, identity.person, s);
  }
  return { devs: out, others };
}

/** The people who reviewed changes to a file: `Reviewed-by:`-style trailers and exported reviews. */
function reviewersOf(
  file: FileState,
  resolver: IdentityResolver,
  pulls: FileReviews | undefined,
  mapped: (text: string) => string,
): Map<string, Resolved> {
  const out = new Map<string, Resolved>();
  for (const [key, s] of file.devs) {
    if (!key.startsWith(REVIEWER)) continue;
    const identity = resolver.resolveText(mapped(key.slice(REVIEWER.length)));
    if (identity) addStats(out, identity.id, identity.person, s);
  }
  for (const [login, r] of pulls?.reviewers ?? []) {
    const identity = resolver.resolveHandle(login);
    if (identity)
      addStats(out, identity.id, identity.person, { fa: 0, dl: r.reviews, last: r.last, months: [] });
  }
  return out;
}

/** Adds `s` to `id`'s stats; the months map is shared until a second source is merged in (copy on write). */
function addStats(into: Map<string, Resolved>, id: string, person: boolean, s: DevStats): void {
  const merged = into.get(id);
  if (!merged) {
    into.set(id, { fa: s.fa, dl: s.dl, last: s.last, months: s.months, person });
    return;
  }
  merged.fa = Math.max(merged.fa, s.fa);
  merged.dl += s.dl;
  merged.last = Math.max(merged.last, s.last);
  merged.months = mergeMonths(merged.months, s.months);
}

const days = new Map<number, string>();
/** YYYY-MM-DD of a time in seconds ("" for none); remembered, as the same times come back often. */
function day(seconds: number): string {
  if (seconds <= 0) return "";
  const at = Math.floor(seconds / 86_400);
  let text = days.get(at);
  if (text === undefined) {
    text = new Date(at * 86_400_000).toISOString().slice(0, 10);
    days.set(at, text);
  }
  return text;
}

/** One file's resolved history, as the measures need it. */
interface FileFacts {
  authors: string[];
  reviewers: string[];
  devs: Map<string, Resolved>;
  reviewed: Map<string, Resolved>;
}

export function measureEvidence(
  states: readonly RepoState[],
  classifierFor: (state: RepoState) => (path: string) => Classification | undefined,
  resolver: IdentityResolver,
  windowStart: string,
  options: MeasureOptions = {},
): EvidenceReport {
  const coAuthors = options.coAuthors === true;
  const mappers = new Map(states.map((state) => [state, mailmapper(options.mailmapFor?.(state))]));
  const mapperOf = (state: RepoState) => mappers.get(state) ?? ((text: string) => text);
  // Every identity first (through its repository's .mailmap), so that merges by e-mail and name see them all.
  const raws = new Set<string>();
  for (const state of states) {
    const keys = new Set<string>();
    for (const file of state.files.values())
      if (file.atHead) for (const key of file.devs.keys()) keys.add(key);
    const mapped = mapperOf(state);
    for (const key of keys) {
      if (key.startsWith(CO_AUTHOR) && !coAuthors) continue;
      raws.add(mapped(key.startsWith(CO_AUTHOR) || key.startsWith(REVIEWER) ? key.slice(3) : key));
    }
  }
  resolver.learn(raws);
  const windowIndex = monthIndexOfText(windowStart);

  // Pass 1: each file's authors and reviewers, and each identity's latest activity.
  const latest = new Map<string, number>();
  const seen = (id: string, at: number) => latest.set(id, Math.max(latest.get(id) ?? 0, at));
  const perState = states.map((state) => {
    const filter = options.filterFor?.(state) ?? "all";
    const pulls = options.pullReviewsFor?.(state);
    const files: { file: FileState; facts: FileFacts }[] = [];
    const mapped = mapperOf(state);
    for (const file of state.files.values()) {
      // The tree's files whose history was mined (a file with no add or change is left out).
      if (!file.atHead || file.devs.size === 0 || !keepsFile(filter, file.path)) continue;
      const { devs, others } = resolvedDevs(file, resolver, coAuthors, mapped);
      const reviewed = reviewersOf(file, resolver, pulls?.get(file.path), mapped);
      for (const [id, s] of devs) seen(id, s.last);
      for (const [id, s] of reviewed) seen(id, s.last);
      const authors = authorsOf({ devs }, others).map((a) => a.dev);
      files.push({ file, facts: { authors, reviewers: [...reviewed.keys()], devs, reviewed } });
    }
    return { state, filter, files };
  });
  const windowDay = `${windowStart}-01`;
  const activeCache = new Map<string, boolean>();
  const isActive = (id: string) => {
    let active = activeCache.get(id);
    if (active === undefined) {
      active = day(latest.get(id) ?? 0) >= windowDay && !options.gone?.(id);
      activeCache.set(id, active);
    }
    return active;
  };
  const active = (ids: readonly string[]) => ids.filter(isActive);
  const withReviews = (f: FileFacts) => [...new Set([...f.authors, ...f.reviewers])];

  // Pass 2: per activity and per repository.
  interface Bucket {
    files: FileFacts[];
    devs: Map<string, Contributor>;
    last: number;
    repos: Set<string>;
  }
  const byActivity = new Map<string, Bucket>();
  const repositories: RepositoryEvidence[] = [];
  let unclassified = 0;
  for (const { state, filter, files } of perState) {
    const classify = classifierFor(state);
    for (const { file, facts } of files) {
      const hit = classify(file.path);
      if (!hit) {
        unclassified++;
        continue;
      }
      const bucket: Bucket = byActivity.get(hit.activity) ?? {
        files: [],
        devs: new Map(),
        last: 0,
        repos: new Set(),
      };
      bucket.files.push(facts);
      bucket.repos.add(state.key);
      const contributor = (id: string, person: boolean) => {
        const c = bucket.devs.get(id) ?? {
          id,
          person,
          authored: 0,
          changes: 0,
          recent: 0,
          reviews: 0,
          last: "",
          active: isActive(id),
        };
        bucket.devs.set(id, c);
        return c;
      };
      for (const [id, s] of facts.devs) {
        const c = contributor(id, s.person);
        c.changes += s.fa + s.dl;
        c.recent += changesSince(s.months, windowIndex);
        if (day(s.last) > c.last) c.last = day(s.last);
        if (facts.authors.includes(id)) c.authored++;
        bucket.last = Math.max(bucket.last, s.last);
      }
      for (const [id, s] of facts.reviewed) {
        const c = contributor(id, s.person);
        c.reviews += s.dl;
        if (day(s.last) > c.last) c.last = day(s.last);
      }
      byActivity.set(hit.activity, bucket);
    }
    const all = files.map((f) => f.facts);
    repositories.push({
      key: state.key,
      head: state.head,
      commits: state.commits,
      shallow: state.shallow,
      filter,
      files: all.length,
      truckFactor: truckFactor(all.map((f) => f.authors)),
      truckFactorActive: truckFactor(all.map((f) => active(f.authors))),
      truckFactorWithReviews: truckFactor(all.map(withReviews)),
    });
  }
  const activities = [...byActivity]
    .map(([activity, b]) => ({
      activity,
      files: b.files.length,
      truckFactor: truckFactor(b.files.map((f) => f.authors)),
      truckFactorActive: truckFactor(b.files.map((f) => active(f.authors))),
      truckFactorWithReviews: truckFactor(b.files.map(withReviews)),
      reviewers: new Set(b.files.flatMap((f) => f.reviewers)).size,
      contributors: [...b.devs.values()].sort(
        (x, y) =>
          y.authored - x.authored ||
          y.changes - x.changes ||
          y.reviews - x.reviews ||
          x.id.localeCompare(y.id),
      ),
      lastChange: day(b.last),
      repositories: [...b.repos],
    }))
    .sort((a, b) => a.activity.localeCompare(b.activity));
  const sortedEntries = (m: Map<string, Set<string>>) =>
    [...m].map(([id, s]) => ({ id, seen: [...s].sort() })).sort((a, b) => a.id.localeCompare(b.id));
  const inactive = [...latest]
    .filter(([id]) => !isActive(id))
    .map(([id, at]) => ({ id, last: day(at) }))
    .sort((a, b) => a.id.localeCompare(b.id));
  return {
    activities,
    repositories,
    unclassified,
    unmatched: sortedEntries(resolver.unmatched()),
    windowStart,
    coAuthors,
    identities: { merged: sortedEntries(resolver.merges()), excluded: resolver.exclusions() },
    inactive,
  };
}

/** The first month of a window of `months` months ending with the month of `today` (YYYY-MM-DD). */
export function windowStartFor(today: string, months: number): string {
  const [y, m] = today.split("-").map(Number) as [number, number];
  const index = y * 12 + (m - 1) - (months - 1);
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
}
