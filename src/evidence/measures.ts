/**
 * Per-activity and per-repository measures from mined authorship: who authored the activity's
 * files (degree of authorship), its truck factor — of everyone, of the people still active, and
 * with reviewers counted as knowing the files they reviewed — who changed it recently, and when it
 * last changed. Pure: takes the stored states, a classifier and an identity resolver; each file's
 * facts (src/evidence/file-facts.ts) can be reused from the previous run.
 */

import { createHash } from "node:crypto";
import { type FileState, monthIndexOfText, type TruckFactor, truckFactor } from "./authorship.ts";
import type { Classification } from "./classify.ts";
import { type FactContext, type FileFacts, factsOf, type MeasureCache, rawIdentities } from "./file-facts.ts";
import { type FileFilter, keepsFile } from "./file-filter.ts";
import { type Exclusion, type IdentityResolver, parseAuthor, type Resolutions } from "./identities.ts";
import type { Mailmap } from "./mailmap.ts";
import type { FileReviews } from "./pull-reviews.ts";
import type { RepoState } from "./store-port.ts";

export { resolvedDevs } from "./file-facts.ts";

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
  /**
   * The truck factor with the people the model declares as the activity's backups counted as knowing
   * every one of its files (they are lost first); only when the model declares some.
   */
  truckFactorWithBackups?: TruckFactor | undefined;
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
  /** People and identities who reviewed changes to its files (trailers, exported reviews). */
  reviewers: number;
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
  /** Activity → the people the model declares as its backups (RACI rows' `backup:`). */
  backups?: ReadonlyMap<string, readonly string[]>;
  /** What a repository measured in the previous run, to reuse for the files unchanged since. */
  previous?: (state: RepoState) => PreviousMeasures | undefined;
  /**
   * A digest of what a repository's facts depend on besides its history, the options above and
   * the identity set: the model's people, bots and patterns, the `.mailmap`, the reviews export.
   */
  fingerprintFor?: (state: RepoState) => string;
}

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
 * What each repository's `.mailmap` gathered, for `--explain-identities`: developer id → the
 * identities as committed that the map rewrote into one resolving to that developer (and what it
 * rewrote them to). Reads every file's stored history, so only when asked.
 */
export function mailmapMerges(
  states: readonly RepoState[],
  mailmapFor: (state: RepoState) => Mailmap | undefined,
  resolver: IdentityResolver,
  coAuthors: boolean,
): Map<string, Set<string>> {
  const merges = new Map<string, Set<string>>();
  for (const state of states) {
    const mailmap = mailmapFor(state);
    if (!mailmap || mailmap.size === 0) continue;
    const mapped = mailmapper(mailmap);
    const seen = new Set<string>();
    for (const file of state.files.values())
      for (const raw of rawIdentities(file, coAuthors, (text) => text)) {
        if (seen.has(raw)) continue;
        seen.add(raw);
        const proper = mapped(raw);
        const id = proper === raw ? undefined : resolver.resolveText(proper)?.id;
        if (id === undefined) continue;
        const gathered = merges.get(id) ?? new Set<string>();
        gathered.add(raw).add(proper);
        merges.set(id, gathered);
      }
  }
  return merges;
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

export function measureEvidence(
  states: readonly RepoState[],
  classifierFor: (state: RepoState) => (path: string) => Classification | undefined,
  resolver: IdentityResolver,
  windowStart: string,
  options: MeasureOptions = {},
): EvidenceReport {
  return measureWithCache(states, classifierFor, resolver, windowStart, options).report;
}

/** What a repository measured before, and which of its files changed since (ids; removed ones too). */
export interface PreviousMeasures {
  cache: MeasureCache;
  /** The commit the stored history was mined up to before this run's commits. */
  since: string;
  changed: ReadonlySet<number>;
}

/** The report, and each repository's per-file facts to keep for the next run (only when new). */
export interface Measured {
  report: EvidenceReport;
  caches: Map<string, MeasureCache>;
  /** Per repository: the files of the tree measured in this run, and those whose kept facts were reused. */
  counts: Map<string, { measured: number; reused: number }>;
}

/**
 * {@link measureEvidence}, reusing the facts of the files unchanged since a previous run when
 * `options.previous` gives them and nothing else they depend on changed (`options.fingerprintFor`,
 * the identity set, the commit): the same report as measuring every file, for a fraction of the work.
 */
export function measureWithCache(
  states: readonly RepoState[],
  classifierFor: (state: RepoState) => (path: string) => Classification | undefined,
  resolver: IdentityResolver,
  windowStart: string,
  options: MeasureOptions = {},
): Measured {
  const coAuthors = options.coAuthors === true;
  // Every identity first (through its repository's .mailmap), so that merges by e-mail and name see them all.
  const plans = states.map((state) => planRepository(state, options, coAuthors, windowStart));
  const identities = learnIdentities(plans, resolver);
  const run: MeasureRun = {
    options,
    classifierFor,
    resolver,
    coAuthors,
    windowIndex: monthIndexOfText(windowStart),
    identities,
    resolutions: identities.kept,
    holding: new Map(),
    caches: new Map(),
    counts: new Map(),
  };
  const measured = plans.map((plan) => measureRepository(run, plan));
  return {
    report: summarise(
      measured,
      resolver,
      windowStart,
      coAuthors,
      options.gone ?? (() => false),
      options.backups ?? new Map(),
    ),
    caches: run.caches,
    counts: run.counts,
  };
}

/** A repository to measure: its identities as committed (or as kept), and whether its previous facts may serve. */
interface RepositoryPlan {
  state: RepoState;
  mapped: (text: string) => string;
  fingerprint: string;
  /** The previous run's measures, when made under the same fingerprint up to the commit mined from. */
  reusable: PreviousMeasures | undefined;
  /** Each file of the tree → its identities ("Name <email>", through the .mailmap). */
  raws: Map<number, string[]>;
}

function planRepository(
  state: RepoState,
  options: MeasureOptions,
  coAuthors: boolean,
  windowStart: string,
): RepositoryPlan {
  const mapped = mailmapper(options.mailmapFor?.(state));
  const fingerprint = `${options.fingerprintFor?.(state) ?? ""}|${coAuthors}|${windowStart}|${options.filterFor?.(state) ?? "all"}`;
  const previous = options.previous?.(state);
  const reusable =
    previous !== undefined &&
    previous.cache.fingerprint === fingerprint &&
    previous.cache.head === previous.since
      ? previous
      : undefined;
  const raws = new Map<number, string[]>();
  for (const file of state.files.values()) {
    if (!file.atHead) continue;
    const cached = reusable && !reusable.changed.has(file.id) ? reusable.cache.files.get(file.id) : undefined;
    raws.set(file.id, cached ? cached.raws : rawIdentities(file, coAuthors, mapped));
  }
  return { state, mapped, fingerprint, reusable, raws };
}

/**
 * Teaches the resolver every identity of the plans — or restores a previous run's resolutions when
 * it saw the same identities, with the same people and settings — and returns the set's digest.
 */
function learnIdentities(
  plans: readonly RepositoryPlan[],
  resolver: IdentityResolver,
): { digest: string; kept: Resolutions | undefined } {
  const everyone = new Set<string>();
  for (const plan of plans) for (const list of plan.raws.values()) for (const raw of list) everyone.add(raw);
  const digest = createHash("sha1")
    .update([...everyone].sort().join("\n"))
    .digest("hex");
  // The same identities as a previous run, with the same people and settings: its resolutions hold.
  const kept = plans.find((p) => p.reusable?.cache.identities === digest)?.reusable?.cache.resolutions;
  if (kept) resolver.restore(kept);
  else resolver.learn(everyone);
  return { digest, kept };
}

/** What measuring the repositories shares: the settings, the identities, and the caches and counts made. */
interface MeasureRun {
  options: MeasureOptions;
  classifierFor: (state: RepoState) => (path: string) => Classification | undefined;
  resolver: IdentityResolver;
  coAuthors: boolean;
  windowIndex: number;
  identities: { digest: string; kept: Resolutions | undefined };
  /** The resolver's resolutions, asked for once (the kept ones when restored). */
  resolutions: Resolutions | undefined;
  /** Whether each previous run's resolutions hold under this run's (see {@link holds}). */
  holding: Map<Resolutions, boolean>;
  caches: Map<string, MeasureCache>;
  counts: Map<string, { measured: number; reused: number }>;
}

function resolved(run: MeasureRun): Resolutions {
  run.resolutions ??= run.resolver.resolutions();
  return run.resolutions;
}

/**
 * Whether a previous run's facts still hold under this run's identities: the same set, or every
 * identity both runs know resolving as it did (a newcomer who merges with nobody changes nothing;
 * one who links two developers, or gives a cluster a new id, changes the facts that name them).
 */
function holds(run: MeasureRun, cache: MeasureCache): boolean {
  if (cache.identities === run.identities.digest) return true;
  let same = run.holding.get(cache.resolutions);
  if (same === undefined) {
    const now = new Map(resolved(run).map((r) => [r[0], r]));
    same = cache.resolutions.every(([text, id, person, reason]) => {
      const r = now.get(text);
      return r === undefined || (r[1] === id && r[2] === person && r[3] === reason);
    });
    run.holding.set(cache.resolutions, same);
  }
  return same;
}

/** One repository's files' facts: kept ones reused where they hold, the others measured. */
function measureRepository(run: MeasureRun, plan: RepositoryPlan): MeasuredRepository {
  const { options, resolver } = run;
  const { state, reusable, raws } = plan;
  const filter = options.filterFor?.(state) ?? "all";
  const usable = reusable && holds(run, reusable.cache) ? reusable : undefined;
  const classify = run.classifierFor(state);
  const pulls = options.pullReviewsFor?.(state);
  const context: FactContext = {
    resolver,
    coAuthors: run.coAuthors,
    mapped: plan.mapped,
    keeps: (path) => keepsFile(filter, path),
    classify: (path) => classify(path)?.activity,
    ...(pulls ? { pulls } : {}),
    windowIndex: run.windowIndex,
  };
  const files = new Map<number, FileFacts>();
  const computed = new Set<number>();
  for (const [id, list] of raws) {
    const cached = usable && !usable.changed.has(id) ? usable.cache.files.get(id) : undefined;
    if (cached) {
      files.set(id, cached);
      // Resolved as measuring them would, for the report's lists of identities.
      if (cached.kept) {
        for (const raw of cached.raws) resolver.resolveText(raw);
        for (const login of pulls?.get(cached.path)?.reviewers.keys() ?? []) resolver.resolveHandle(login);
      }
    } else {
      files.set(id, factsOf(state.files.get(id) as FileState, list, context));
      computed.add(id);
    }
  }
  run.counts.set(state.key, { measured: computed.size, reused: files.size - computed.size });
  keepFacts(run, plan, usable, files, computed);
  return { state, filter, files: [...files.values()].filter((f) => f.kept) };
}

/** Sets the repository's facts to keep for the next run, unless they are the very ones read. */
function keepFacts(
  run: MeasureRun,
  plan: RepositoryPlan,
  usable: PreviousMeasures | undefined,
  files: Map<number, FileFacts>,
  computed: Set<number>,
): void {
  const { state, fingerprint } = plan;
  const identities = run.identities.digest;
  if (!usable) {
    run.caches.set(state.key, {
      head: state.head,
      fingerprint,
      identities,
      files,
      resolutions: resolved(run),
    });
    return;
  }
  const changed = computed;
  for (const id of usable.cache.files.keys()) if (!files.has(id)) changed.add(id);
  // Kept unless it is the very cache read: the facts of this commit under this fingerprint.
  if (changed.size > 0 || usable.since !== state.head)
    run.caches.set(state.key, {
      head: state.head,
      fingerprint,
      identities,
      files,
      resolutions: resolved(run),
      derivedFrom: {
        head: usable.cache.head,
        fingerprint: usable.cache.fingerprint,
        identities: usable.cache.identities,
        changed,
      },
    });
}

/** One repository's files that count, with their facts, as {@link summarise} sums them. */
interface MeasuredRepository {
  state: RepoState;
  filter: FileFilter;
  files: FileFacts[];
}

/** The report: each activity's and repository's sums and truck factors, from the files' facts. */
function summarise(
  measured: readonly MeasuredRepository[],
  resolver: IdentityResolver,
  windowStart: string,
  coAuthors: boolean,
  gone: (id: string) => boolean,
  backups: ReadonlyMap<string, readonly string[]>,
): EvidenceReport {
  const latest = latestActivity(measured);
  const isActive = activeCheck(latest, `${windowStart}-01`, gone);
  // Per activity and per repository.
  const byActivity = new Map<string, Bucket>();
  const repositories: RepositoryEvidence[] = [];
  let unclassified = 0;
  for (const { state, filter, files } of measured) {
    for (const facts of files) {
      if (facts.activity === undefined) {
        unclassified++;
        continue;
      }
      addToActivity(byActivity, facts.activity, state, facts, isActive);
    }
    repositories.push({
      key: state.key,
      head: state.head,
      commits: state.commits,
      shallow: state.shallow,
      filter,
      files: files.length,
      ...knowledgeOf(files, isActive),
    });
  }
  const activities = [...byActivity]
    .map(([activity, b]) => activityEvidence(activity, b, isActive, backups.get(activity) ?? []))
    .sort((a, b) => a.activity.localeCompare(b.activity));
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

/** Each identity's latest activity (change or review), in the files that count. */
function latestActivity(measured: readonly MeasuredRepository[]): Map<string, number> {
  const latest = new Map<string, number>();
  const seen = (id: string, at: number) => latest.set(id, Math.max(latest.get(id) ?? 0, at));
  for (const { files } of measured)
    for (const f of files) {
      for (const d of f.devs) seen(d.id, d.last);
      for (const r of f.reviewed) seen(r.id, r.last);
    }
  return latest;
}

/** Whether an identity is active: its latest activity within the window, and not gone (remembered). */
function activeCheck(
  latest: ReadonlyMap<string, number>,
  windowDay: string,
  gone: (id: string) => boolean,
): (id: string) => boolean {
  const activeCache = new Map<string, boolean>();
  return (id: string) => {
    let active = activeCache.get(id);
    if (active === undefined) {
      active = day(latest.get(id) ?? 0) >= windowDay && !gone(id);
      activeCache.set(id, active);
    }
    return active;
  };
}

/** A file's authors and reviewers, who both know it. */
const withReviews = (f: FileFacts) =>
  f.reviewers.length === 0 ? f.authors : [...new Set([...f.authors, ...f.reviewers])];

/** The truck factors of some files (of everyone, of the active, with reviewers) and how many reviewed them. */
function knowledgeOf(files: readonly FileFacts[], isActive: (id: string) => boolean) {
  return {
    truckFactor: truckFactor(files.map((f) => f.authors)),
    truckFactorActive: truckFactor(files.map((f) => f.authors.filter(isActive))),
    truckFactorWithReviews: truckFactor(files.map(withReviews)),
    reviewers: new Set(files.flatMap((f) => f.reviewers)).size,
  };
}

/** A contributor being summed: the latest change or review as a time, made a day at the end. */
type Summing = Omit<Contributor, "last"> & { lastAt: number };

/** An activity's files and contributors being summed. */
interface Bucket {
  files: FileFacts[];
  devs: Map<string, Summing>;
  last: number;
  repos: Set<string>;
}

function contributorIn(
  bucket: Bucket,
  id: string,
  person: boolean,
  isActive: (id: string) => boolean,
): Summing {
  let c = bucket.devs.get(id);
  if (!c) {
    c = { id, person, authored: 0, changes: 0, recent: 0, reviews: 0, lastAt: 0, active: isActive(id) };
    bucket.devs.set(id, c);
  }
  return c;
}

/** Adds a file's facts to its activity's sums. */
function addToActivity(
  byActivity: Map<string, Bucket>,
  activity: string,
  state: RepoState,
  facts: FileFacts,
  isActive: (id: string) => boolean,
): void {
  let bucket = byActivity.get(activity);
  if (!bucket) {
    bucket = { files: [], devs: new Map(), last: 0, repos: new Set() };
    byActivity.set(activity, bucket);
  }
  bucket.files.push(facts);
  bucket.repos.add(state.key);
  for (const d of facts.devs) {
    const c = contributorIn(bucket, d.id, d.person, isActive);
    c.changes += d.changes;
    c.recent += d.recent;
    if (d.last > c.lastAt) c.lastAt = d.last;
    if (facts.authors.includes(d.id)) c.authored++;
    if (d.last > bucket.last) bucket.last = d.last;
  }
  for (const r of facts.reviewed) {
    const c = contributorIn(bucket, r.id, r.person, isActive);
    c.reviews += r.reviews;
    if (r.last > c.lastAt) c.lastAt = r.last;
  }
}

function activityEvidence(
  activity: string,
  b: Bucket,
  isActive: (id: string) => boolean,
  backups: readonly string[],
): ActivityEvidence {
  return {
    activity,
    files: b.files.length,
    ...knowledgeOf(b.files, isActive),
    ...(backups.length > 0
      ? { truckFactorWithBackups: truckFactor(b.files.map((f) => [...new Set([...f.authors, ...backups])])) }
      : {}),
    contributors: [...b.devs.values()]
      .map(
        (c): Contributor => ({
          id: c.id,
          person: c.person,
          authored: c.authored,
          changes: c.changes,
          recent: c.recent,
          reviews: c.reviews,
          last: day(c.lastAt),
          active: c.active,
        }),
      )
      .sort(
        (x, y) =>
          y.authored - x.authored ||
          y.changes - x.changes ||
          y.reviews - x.reviews ||
          x.id.localeCompare(y.id),
      ),
    lastChange: day(b.last),
    repositories: [...b.repos],
  };
}

/** id → identities seen, as a list sorted by id with each one's identities sorted. */
const sortedEntries = (m: Map<string, Set<string>>) =>
  [...m].map(([id, s]) => ({ id, seen: [...s].sort() })).sort((a, b) => a.id.localeCompare(b.id));

/** The first month of a window of `months` months ending with the month of `today` (YYYY-MM-DD). */
export function windowStartFor(today: string, months: number): string {
  const [y, m] = today.split("-").map(Number) as [number, number];
  const index = y * 12 + (m - 1) - (months - 1);
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
}
