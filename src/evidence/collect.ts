/**
 * Collects evidence for a model (or for bare repositories): mines each repository into the store,
 * then measures per activity with the model's people, patterns and bots.
 */

import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { BUILTIN_PATTERNS } from "../catalog/activity-paths.ts";
import { append } from "../model/append.ts";
import { DATE_SHAPE } from "../model/calendar-date.ts";
import type { Model } from "../model/model.ts";
import type { EvidenceSettings } from "../model/schema.ts";
import type { LinguistAttributes } from "./attributes.ts";
import { declaredBackups } from "./backups.ts";
import { type Classifier, makeClassifier, type PatternSet } from "./classify.ts";
import type { MeasureCache } from "./file-facts.ts";
import { type FileFilter, GENERATED_OR_VENDORED_RULES } from "./file-filter.ts";
import { GitError, gitSync } from "./git.ts";
import { DEFAULT_BOTS, type IdentityResolver, makeIdentityResolver } from "./identities.ts";
import {
  type EvidenceReport,
  type Measured,
  mailmapMerges,
  measureWithCache,
  type PreviousMeasures,
  windowStartFor,
} from "./measures.ts";
import { type MineResult, mineRepository } from "./mine.ts";
import { modelRepositories, type RepositorySpec } from "./model-repositories.ts";
import { type FileReviews, PullReviewsError } from "./pull-reviews.ts";
import type { EvidenceStore, RepoState } from "./store-port.ts";

export type { RepositorySpec } from "./model-repositories.ts";
export { modelRepositories } from "./model-repositories.ts";

export interface CollectOptions {
  model?: Model;
  /** Repositories named on the command line, besides those the model lists. */
  repositories?: readonly RepositorySpec[];
  /**
   * Read `repositories` only, not those the model lists (the organisation's sync reads the model's
   * own repository from its mirror, at the synced commit).
   */
  onlyGiven?: boolean;
  store: EvidenceStore;
  today: string;
  /** The first day of the recent window; `windowMonths` back from today when omitted. */
  since?: string;
  /** Analyse a snapshot: a commit-ish, or a date (the last first-parent commit on or before it). */
  at?: string;
  /** Which files count (overrides the model's and the repositories' settings). */
  filter?: FileFilter;
  /** Credit `Co-authored-by` trailers (overrides `evidence.coAuthors`). */
  coAuthors?: boolean;
  /**
   * A JSON file of pull-request reviews for the repositories given on the command line (without
   * any, for the model's only repository; with several in the model, an error).
   */
  reviews?: string;
  onProgress?: (repo: string, done: number, total: number) => void;
  /** List in the report's merges what each `.mailmap` gathered too (reads every file's history). */
  explainIdentities?: boolean;
}

export interface CollectedEvidence {
  report: EvidenceReport;
  /** Each repository's mining, and how many of its files were measured (the others' kept facts reused). */
  runs: (MineResult & { repo: string; measured: number; reused: number })[];
  warnings: string[];
}

/** What the steps of a collection share: the options, and each repository's run and settings. */
interface Collection {
  options: CollectOptions;
  settings: EvidenceSettings | undefined;
  /** The repositories the model lists (none when `onlyGiven`). */
  listed: readonly RepositorySpec[];
  modelSets: PatternSet[];
  runs: (MineResult & { repo: string })[];
  warnings: string[];
  /** The repositories (keys) the reviews given apply to, and the spec each run was read for. */
  takingReviews: Set<string>;
  specOf: Map<string, RepositorySpec>;
  classifiers: Map<string, Classifier>;
  filterByKey: Map<string, FileFilter>;
  /** The measures kept by the last run, read while git reads the new commits. */
  measuresRead: Map<string, Promise<MeasureCache | undefined>>;
  pullsByKey: Map<string, Map<string, FileReviews>>;
  /** What each repository's per-file measures depend on besides its history (see file-facts.ts). */
  fingerprints: Map<string, string>;
  /** The facts measured by the previous run, for the files unchanged since. */
  previous: Map<string, PreviousMeasures>;
}

export async function collectEvidence(options: CollectOptions): Promise<CollectedEvidence> {
  const settings = options.model?.evidence?.settings;
  const listed = options.onlyGiven ? [] : modelRepositories(options.model);
  const given = options.repositories ?? [];
  // One repository's export: for those given, or the model's only repository.
  const reviewed = new Set<RepositorySpec>(given.length > 0 ? given : listed);
  if (options.reviews !== undefined && given.length === 0 && listed.length > 1)
    throw new PullReviewsError(
      `${options.reviews} is one repository's reviews and the model lists ${listed.length} repositories: name it with --repo, or set \`reviews\` on it in the model`,
    );
  // Read before any history: a bad file fails at once.
  const givenReviews = options.reviews === undefined ? undefined : await loadPullReviews(options.reviews);
  const c: Collection = {
    options,
    settings,
    listed,
    modelSets: Object.entries(settings?.patterns ?? {}).map(([activity, patterns]) => ({
      activity,
      patterns,
      origin: "model",
    })),
    runs: [],
    warnings: [],
    takingReviews: new Set(),
    specOf: new Map(),
    classifiers: new Map(),
    filterByKey: new Map(),
    measuresRead: new Map(),
    pullsByKey: new Map(),
    fingerprints: new Map(),
    previous: new Map(),
  };
  for (const spec of [...listed, ...given]) await mineSpec(c, spec, reviewed.has(spec));
  await readReviewsAndFingerprints(c, givenReviews);
  await readPreviousMeasures(c);
  const resolver = makeIdentityResolver(options.model?.people ?? [], {
    bots: settings?.bots ?? DEFAULT_BOTS,
    mergeByName: settings?.mergeByName !== false,
  });
  const { report, caches, counts } = measureRuns(c, resolver);
  for (const [key, cache] of caches) await options.store.saveMeasures(key, cache);
  if (options.explainIdentities) explainMailmapMerges(c, report, resolver);
  return {
    report,
    runs: c.runs.map((run) => ({ ...run, ...(counts.get(run.state.key) ?? { measured: 0, reused: 0 }) })),
    warnings: c.warnings,
  };
}

/** Mines one repository, keeping its run unless it is one already read (under another name). */
async function mineSpec(c: Collection, spec: RepositorySpec, reviewed: boolean): Promise<void> {
  const { options, settings, runs, warnings } = c;
  const repoSets: PatternSet[] = Object.entries(spec.patterns ?? {}).map(([activity, patterns]) => ({
    activity,
    patterns,
    origin: "repository",
  }));
  // The analysed commit's attributes are read while mining: the classifier asks for them at each call.
  let attributes: LinguistAttributes | undefined;
  const classify = makeClassifier([...repoSets, ...c.modelSets], {
    replace: settings?.replacePatterns === true,
    marks: (path) => attributes?.of(path),
  });
  const result = await mineRepository({
    onTree: (paths) => classifyWhileWaiting(classify, paths),
    whileReading: (stored) => {
      const read = options.store.loadMeasures(stored.key);
      // Awaited after mining; a failure before then must not surface as an unhandled rejection.
      read.catch(() => undefined);
      c.measuresRead.set(stored.key, read);
    },
    repo: spec.path,
    ...(spec.branch !== undefined ? { branch: spec.branch } : {}),
    ...(options.at !== undefined ? { at: options.at } : {}),
    store: options.store,
    ...(options.onProgress
      ? { onProgress: (done: number, total: number) => options.onProgress?.(spec.path, done, total) }
      : {}),
  }).catch((error: unknown) => rethrowWhereListed(c, spec, error));
  attributes = result.attributes;
  if (reviewed) c.takingReviews.add(result.state.key);
  const same = runs.find((run) => run.state.key === result.state.key);
  if (same) {
    // Named on the command line as well as in the model: the way to say which one --reviews is for.
    const both =
      c.listed.includes(c.specOf.get(same.state.key) as RepositorySpec) !== c.listed.includes(spec);
    if (!both) warnings.push(`${spec.path} is the same repository as ${same.repo}: read once`);
    return;
  }
  runs.push({ ...result, repo: spec.path });
  c.specOf.set(result.state.key, spec);
  append(warnings, result.warnings);
  c.classifiers.set(result.state.key, classify);
  c.filterByKey.set(result.state.key, options.filter ?? spec.filter ?? settings?.filter ?? "all");
}

/** Rethrows a mining error; for a repository the model lists, a git error says where it is listed. */
function rethrowWhereListed(c: Collection, spec: RepositorySpec, error: unknown): never {
  const index = c.listed.indexOf(spec);
  const model = c.options.model;
  if (index < 0 || !model?.evidence || !(error instanceof GitError)) throw error;
  const at = model.locate(model.evidence.settings, ["repositories", index, "path"]);
  throw new GitError(`${at.file}:${at.line}:${at.column}: ${error.message}`);
}

/** Each run's pull-request reviews (its own file, or those given), and the fingerprint of its measures. */
async function readReviewsAndFingerprints(
  c: Collection,
  givenReviews: { reviews: Map<string, FileReviews>; text: string } | undefined,
): Promise<void> {
  const { options, settings } = c;
  const shared = JSON.stringify([
    options.model?.people ?? [],
    settings?.bots ?? DEFAULT_BOTS,
    settings?.mergeByName !== false,
    settings?.patterns ?? {},
    settings?.replacePatterns === true,
    BUILTIN_PATTERNS,
    GENERATED_OR_VENDORED_RULES,
  ]);
  for (const run of c.runs) {
    const key = run.state.key;
    const spec = c.specOf.get(key) as RepositorySpec;
    const pulls =
      spec.reviews !== undefined
        ? await loadPullReviews(spec.reviews)
        : c.takingReviews.has(key)
          ? givenReviews
          : undefined;
    if (pulls) c.pullsByKey.set(key, pulls.reviews);
    c.fingerprints.set(
      key,
      createHash("sha1")
        .update(shared)
        .update(
          JSON.stringify([spec.patterns ?? {}, run.mailmap.text, run.attributes.text, pulls?.text ?? null]),
        )
        .digest("hex"),
    );
  }
}

/** The facts measured by the previous run of each repository mined incrementally. */
async function readPreviousMeasures(c: Collection): Promise<void> {
  for (const run of c.runs) {
    // They only save work: unreadable ones (a damaged store) mean measuring every file.
    const cache = run.since
      ? await (c.measuresRead.get(run.state.key) ?? c.options.store.loadMeasures(run.state.key)).catch(() => {
          c.warnings.push(`${run.repo}: the measures kept by the last run could not be read; measured again`);
          return undefined;
        })
      : undefined;
    if (cache && run.since)
      c.previous.set(run.state.key, { cache, since: run.since.head, changed: run.since.changed });
  }
}

/** Measures the runs as of the day analysed, over the recent window. */
function measureRuns(c: Collection, resolver: IdentityResolver): Measured {
  const { options, settings, runs, modelSets } = c;
  const classifierFor = (state: RepoState): Classifier =>
    c.classifiers.get(state.key) ??
    makeClassifier(modelSets, { replace: settings?.replacePatterns === true });
  const leavers = new Map<string, string>();
  for (const p of options.model?.people ?? []) if (p.leaves) leavers.set(p.id, p.leaves);
  // A snapshot is measured as of its day: the recent window and the leavers end there, not today.
  const asOf = options.at === undefined ? options.today : snapshotDay(options.at, runs, options.today);
  const windowStart = options.since
    ? options.since.slice(0, 7)
    : windowStartFor(asOf, settings?.windowMonths ?? 12);
  // The window counts whole months.
  if (options.since !== undefined && options.since.slice(0, 7) > asOf.slice(0, 7))
    c.warnings.push(`--since ${options.since} is after the day measured (${asOf}): no one can be active`);
  return measureWithCache(
    runs.map((r) => r.state),
    classifierFor,
    resolver,
    windowStart,
    {
      coAuthors: options.coAuthors ?? settings?.coAuthors === true,
      filterFor: (state) => c.filterByKey.get(state.key) ?? "all",
      mailmapFor: (state) => runs.find((r) => r.state === state)?.mailmap,
      pullReviewsFor: (state) => c.pullsByKey.get(state.key),
      previous: (state) => c.previous.get(state.key),
      fingerprintFor: (state) => c.fingerprints.get(state.key) ?? "",
      gone: (id) => {
        const leaves = leavers.get(id);
        return leaves !== undefined && leaves <= asOf;
      },
      backups: declaredBackups(options.model),
    },
  );
}

/** Adds to the report's merges what each `.mailmap` gathered (`--explain-identities`). */
function explainMailmapMerges(c: Collection, report: EvidenceReport, resolver: IdentityResolver): void {
  const { options, settings, runs } = c;
  const gathered = mailmapMerges(
    runs.map((r) => r.state),
    (state) => runs.find((r) => r.state === state)?.mailmap,
    resolver,
    options.coAuthors ?? settings?.coAuthors === true,
  );
  const merged = new Map(report.identities.merged.map((m) => [m.id, new Set(m.seen)]));
  for (const [id, seen] of gathered) merged.set(id, new Set([...(merged.get(id) ?? []), ...seen]));
  report.identities.merged = [...merged]
    .filter(([, seen]) => seen.size > 1)
    .map(([id, seen]) => ({ id, seen: [...seen].sort() }))
    .sort((a, b) => a.id.localeCompare(b.id));
}

/**
 * The day a snapshot stands for: the date given (today at the latest), or the latest commit date
 * (UTC) of the commits it picked in the repositories.
 */
function snapshotDay(at: string, runs: readonly (MineResult & { repo: string })[], today: string): string {
  if (DATE_SHAPE.test(at)) return at < today ? at : today;
  const days = runs
    .filter((run) => run.state.head !== "")
    .map((run) => gitSync(run.repo, ["show", "-s", "--format=%ct", run.state.head, "--"]).trim())
    .map((seconds) => new Date(Number(seconds) * 1000).toISOString().slice(0, 10));
  return days.sort().at(-1) ?? at;
}

/** Reads an exported pull-request reviews file (and its text); a bad file is a clear error naming it. */
async function loadPullReviews(path: string): Promise<{ reviews: Map<string, FileReviews>; text: string }> {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new PullReviewsError(
      code === "ENOENT"
        ? `${path}: no such reviews file`
        : `${path}: cannot be read (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  // The reader (and its schema library) only when there are reviews to read.
  const { readPullReviews } = await import("./read-pull-reviews.ts");
  return { reviews: readPullReviews(text, path), text };
}

/**
 * Classifies the tree's paths a few hundred at a time between reads of the history, which git
 * produces more slowly than it is parsed: the classifier remembers each answer for the measures.
 */
function classifyWhileWaiting(classify: Classifier, paths: ReadonlySet<string>): void {
  const all = [...paths];
  const step = (from: number) => {
    for (let i = from; i < Math.min(from + 200, all.length); i++) classify(all[i] as string);
    if (from + 200 < all.length) setImmediate(step, from + 200);
  };
  setImmediate(step, 0);
}
