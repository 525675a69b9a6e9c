/**
 * One file's history as the measures need it — its identities, authors (by the DOA rule), reviewers,
 * activity and each developer's counts — and the cache of them kept between runs, so that a re-run
 * after a few commits resolves and measures only the files those commits changed. Pure.
 *
 * A file's facts depend on its own history and on what else is fixed for the run: how identities
 * resolve (the model's people, bots, `.mailmap`, and the whole set of identities, since names merge
 * across e-mails), the patterns, the filter, `--co-authors`, the reviews export and the recent
 * window. The cache is used only when all of those are unchanged (its `fingerprint` and
 * `identities`) and it was made at the commit the stored history was mined up to.
 */
import { authorsOf, CO_AUTHOR, changesSince, type DevStats, type FileState, REVIEWER } from "./authorship.ts";
import type { IdentityResolver, Resolutions } from "./identities.ts";
import type { FileReviews } from "./pull-reviews.ts";

/** One developer's part in a file: changes (creation included), those in the window, the latest (s). */
export interface DevFact {
  id: string;
  person: boolean;
  changes: number;
  recent: number;
  last: number;
}

/** One reviewer's part in a file: reviews of its changes, the latest (s). */
export interface ReviewFact {
  id: string;
  person: boolean;
  reviews: number;
  last: number;
}

export interface FileFacts {
  path: string;
  /** The file's identities as learned ("Name <email>" through `.mailmap`): the run's identity set. */
  raws: string[];
  /** Whether it counts: history was mined for it and the repository's filter keeps it. */
  kept: boolean;
  /** The activity it is evidence of (none: unclassified). */
  activity?: string;
  authors: string[];
  reviewers: string[];
  devs: DevFact[];
  reviewed: ReviewFact[];
}

/** A repository's facts per file id, as measured at `head` under `fingerprint`. */
export interface MeasureCache {
  head: string;
  /** Everything besides the files that the facts depend on (see the module's comment). */
  fingerprint: string;
  /** A digest of the whole run's identity set (every repository's), which merges depend on. */
  identities: string;
  files: Map<number, FileFacts>;
  /** How each identity of that set resolved: a re-run over the same set restores them instead of merging again. */
  resolutions: Resolutions;
  /**
   * When derived from an earlier cache by measuring some files again: that cache's key fields, and
   * the files measured again or gone — all a store has to rewrite if it still holds that cache.
   */
  derivedFrom?: { head: string; fingerprint: string; identities: string; changed: ReadonlySet<number> };
}

/** What a file's facts are computed with, fixed for a repository and a run. */
export interface FactContext {
  resolver: IdentityResolver;
  coAuthors: boolean;
  /** Through the repository's `.mailmap`. */
  mapped: (text: string) => string;
  keeps: (path: string) => boolean;
  classify: (path: string) => string | undefined;
  pulls?: ReadonlyMap<string, FileReviews>;
  /** The first month of the recent window (a month index). */
  windowIndex: number;
}

/** The identities of a file's history, as the resolver learns them. */
export function rawIdentities(
  file: FileState,
  coAuthors: boolean,
  mapped: (text: string) => string,
): string[] {
  const out: string[] = [];
  for (const key of file.devs.keys()) {
    if (key.startsWith(CO_AUTHOR) && !coAuthors) continue;
    out.push(mapped(key.startsWith(CO_AUTHOR) || key.startsWith(REVIEWER) ? key.slice(3) : key));
  }
  return out;
}

type Resolved = DevStats & { person: boolean };

/**
 * Resolves a file's raw git identities to people (or git identities), merging their stats. Bots
 * and placeholders are not developers: their changes are returned apart, as changes by others.
 * Co-authors' credit counts only when `coAuthors` is on; reviewers are never authors.
 */
export function resolvedDevs(
  file: Pick<FileState, "devs">,
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

/** Adds `s` to `id`'s stats (months summed only for the window, so kept as they come). */
function addStats(into: Map<string, Resolved>, id: string, person: boolean, s: DevStats): void {
  const merged = into.get(id);
  if (!merged) {
    into.set(id, { fa: s.fa, dl: s.dl, last: s.last, months: s.months, person });
    return;
  }
  merged.fa = Math.max(merged.fa, s.fa);
  merged.dl += s.dl;
  merged.last = Math.max(merged.last, s.last);
  merged.months = [...merged.months, ...s.months];
}

/** A file's facts (the resolver has learned the run's whole identity set). */
export function factsOf(file: FileState, raws: string[], context: FactContext): FileFacts {
  const kept = file.devs.size > 0 && context.keeps(file.path);
  if (!kept) return { path: file.path, raws, kept, authors: [], reviewers: [], devs: [], reviewed: [] };
  const { resolver, coAuthors, mapped } = context;
  const { devs, others } = resolvedDevs(file, resolver, coAuthors, mapped);
  const reviewed = reviewersOf(file, resolver, context.pulls?.get(file.path), mapped);
  const activity = context.classify(file.path);
  return {
    path: file.path,
    raws,
    kept,
    ...(activity !== undefined ? { activity } : {}),
    authors: authorsOf({ devs }, others).map((a) => a.dev),
    reviewers: [...reviewed.keys()],
    devs: [...devs].map(([id, s]) => ({
      id,
      person: s.person,
      changes: s.fa + s.dl,
      recent: changesSince(s.months, context.windowIndex),
      last: s.last,
    })),
    reviewed: [...reviewed].map(([id, s]) => ({ id, person: s.person, reviews: s.dl, last: s.last })),
  };
}
