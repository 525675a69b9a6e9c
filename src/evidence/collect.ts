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
import { type Classifier, makeClassifier, type PatternSet } from "./classify.ts";
import type { MeasureCache } from "./file-facts.ts";
import type { FileFilter } from "./file-filter.ts";
import { GitError, gitSync } from "./git.ts";
import { DEFAULT_BOTS, makeIdentityResolver } from "./identities.ts";
import {
  type EvidenceReport,
  mailmapMerges,
  measureWithCache,
  type PreviousMeasures,
  windowStartFor,
} from "./measures.ts";
import { type MineResult, mineRepository } from "./mine.ts";
import { type FileReviews, PullReviewsError } from "./pull-reviews.ts";
import { modelRepositories, type RepositorySpec } from "./repositories.ts";
import type { EvidenceStore, RepoState } from "./store-port.ts";

export type { RepositorySpec } from "./repositories.ts";
export { modelRepositories } from "./repositories.ts";

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

export async function collectEvidence(options: CollectOptions): Promise<CollectedEvidence> {
  const settings = options.model?.evidence?.settings;
  const listed = options.onlyGiven ? [] : modelRepositories(options.model);
  const given = options.repositories ?? [];
  const specs = [...listed, ...given];
  // One repository's export: for those given, or the model's only repository.
  const reviewed = new Set<RepositorySpec>(given.length > 0 ? given : listed);
  if (options.reviews !== undefined && given.length === 0 && listed.length > 1)
    throw new PullReviewsError(
      `${options.reviews} is one repository's reviews and the model lists ${listed.length} repositories: name it with --repo, or set \`reviews\` on it in the model`,
    );
  // Read before any history: a bad file fails at once.
  const givenReviews = options.reviews === undefined ? undefined : await loadPullReviews(options.reviews);
  /** The repositories (keys) the reviews given apply to, and the spec each run was read for. */
  const takingReviews = new Set<string>();
  const specOf = new Map<string, RepositorySpec>();
  const runs: (MineResult & { repo: string })[] = [];
  const warnings: string[] = [];
  const filterByKey = new Map<string, FileFilter>();
  const pullsByKey = new Map<string, Map<string, FileReviews>>();
  /** What each repository's per-file measures depend on besides its history (see file-facts.ts). */
  const fingerprints = new Map<string, string>();
  const shared = JSON.stringify([
    options.model?.people ?? [],
    settings?.bots ?? DEFAULT_BOTS,
    settings?.mergeByName !== false,
    settings?.patterns ?? {},
    settings?.replacePatterns === true,
    BUILTIN_PATTERNS,
  ]);
  const modelSets: PatternSet[] = Object.entries(settings?.patterns ?? {}).map(([activity, patterns]) => ({
    activity,
    patterns,
    origin: "model",
  }));
  const classifiers = new Map<string, Classifier>();
  /** The measures kept by the last run, read while git reads the new commits. */
  const measuresRead = new Map<string, Promise<MeasureCache | undefined>>();
  for (const spec of specs) {
    const repoSets: PatternSet[] = Object.entries(spec.patterns ?? {}).map(([activity, patterns]) => ({
      activity,
      patterns,
      origin: "repository",
    }));
    const classify = makeClassifier([...repoSets, ...modelSets], {
      replace: settings?.replacePatterns === true,
    });
    const result = await mineRepository({
      onTree: (paths) => classifyWhileWaiting(classify, paths),
      whileReading: (stored) => {
        const read = options.store.loadMeasures(stored.key);
        // Awaited after mining; a failure before then must not surface as an unhandled rejection.
        read.catch(() => undefined);
        measuresRead.set(stored.key, read);
      },
      repo: spec.path,
      ...(spec.branch !== undefined ? { branch: spec.branch } : {}),
      ...(options.at !== undefined ? { at: options.at } : {}),
      store: options.store,
      ...(options.onProgress
        ? { onProgress: (done: number, total: number) => options.onProgress?.(spec.path, done, total) }
        : {}),
    }).catch((error: unknown) => {
      // A repository the model lists: say where it is listed.
      const index = listed.indexOf(spec);
      const model = options.model;
      if (index < 0 || !model?.evidence || !(error instanceof GitError)) throw error;
      const at = model.locate(model.evidence.settings, ["repositories", index, "path"]);
      throw new GitError(`${at.file}:${at.line}:${at.column}: ${error.message}`);
    });
    if (reviewed.has(spec)) takingReviews.add(result.state.key);
    const same = runs.find((run) => run.state.key === result.state.key);
    if (same) {
      // Named on the command line as well as in the model: the way to say which one --reviews is for.
      const both = listed.includes(specOf.get(same.state.key) as RepositorySpec) !== listed.includes(spec);
      if (!both) warnings.push(`${spec.path} is the same repository as ${same.repo}: read once`);
      continue;
    }
    runs.push({ ...result, repo: spec.path });
    specOf.set(result.state.key, spec);
    append(warnings, result.warnings);
    classifiers.set(result.state.key, classify);
    filterByKey.set(result.state.key, options.filter ?? spec.filter ?? settings?.filter ?? "all");
  }
  for (const run of runs) {
    const key = run.state.key;
    const spec = specOf.get(key) as RepositorySpec;
    const pulls =
      spec.reviews !== undefined
        ? await loadPullReviews(spec.reviews)
        : takingReviews.has(key)
          ? givenReviews
          : undefined;
    if (pulls) pullsByKey.set(key, pulls.reviews);
    fingerprints.set(
      key,
      createHash("sha1")
        .update(shared)
        .update(JSON.stringify([spec.patterns ?? {}, run.mailmap.text, pulls?.text ?? null]))
        .digest("hex"),
    );
  }
  // The facts measured by the previous run, for the files unchanged since.
  const previous = new Map<string, PreviousMeasures>();
  for (const run of runs) {
    // They only save work: unreadable ones (a damaged store) mean measuring every file.
    const cache = run.since
      ? await (measuresRead.get(run.state.key) ?? options.store.loadMeasures(run.state.key)).catch(() => {
          warnings.push(`${run.repo}: the measures kept by the last run could not be read; measured again`);
          return undefined;
        })
      : undefined;
    if (cache && run.since)
      previous.set(run.state.key, { cache, since: run.since.head, changed: run.since.changed });
  }
  const classifierFor = (state: RepoState): Classifier =>
    classifiers.get(state.key) ?? makeClassifier(modelSets, { replace: settings?.replacePatterns === true });
  const leavers = new Map<string, string>();
  for (const p of options.model?.people ?? []) if (p.leaves) leavers.set(p.id, p.leaves);
  const resolver = makeIdentityResolver(options.model?.people ?? [], {
    bots: settings?.bots ?? DEFAULT_BOTS,
    mergeByName: settings?.mergeByName !== false,
  });
  // A snapshot is measured as of its day: the recent window and the leavers end there, not today.
  const asOf = options.at === undefined ? options.today : snapshotDay(options.at, runs, options.today);
  const windowStart = options.since
    ? options.since.slice(0, 7)
    : windowStartFor(asOf, settings?.windowMonths ?? 12);
  // The window counts whole months.
  if (options.since !== undefined && options.since.slice(0, 7) > asOf.slice(0, 7))
    warnings.push(`--since ${options.since} is after the day measured (${asOf}): no one can be active`);
  const { report, caches, counts } = measureWithCache(
    runs.map((r) => r.state),
    classifierFor,
    resolver,
    windowStart,
    {
      coAuthors: options.coAuthors ?? settings?.coAuthors === true,
      filterFor: (state) => filterByKey.get(state.key) ?? "all",
      mailmapFor: (state) => runs.find((r) => r.state === state)?.mailmap,
      pullReviewsFor: (state) => pullsByKey.get(state.key),
      previous: (state) => previous.get(state.key),
      fingerprintFor: (state) => fingerprints.get(state.key) ?? "",
      gone: (id) => {
        const leaves = leavers.get(id);
        return leaves !== undefined && leaves <= asOf;
      },
    },
  );
  for (const [key, cache] of caches) await options.store.saveMeasures(key, cache);
  if (options.explainIdentities) {
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
  return {
    report,
    runs: runs.map((run) => ({ ...run, ...(counts.get(run.state.key) ?? { measured: 0, reused: 0 }) })),
    warnings,
  };
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
