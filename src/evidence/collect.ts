/**
 * Collects evidence for a model (or for bare repositories): mines each repository into the store,
 * then measures per activity with the model's people, patterns and bots.
 */

import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { append } from "../model/append.ts";
import type { Model } from "../model/model.ts";
import { type Classifier, makeClassifier, type PatternSet } from "./classify.ts";
import type { MeasureCache } from "./file-facts.ts";
import type { FileFilter } from "./file-filter.ts";
import { DEFAULT_BOTS, makeIdentityResolver } from "./identities.ts";
import { type EvidenceReport, measureWithCache, type PreviousMeasures, windowStartFor } from "./measures.ts";
import { type MineResult, mineRepository } from "./mine.ts";
import { BUILTIN_PATTERNS } from "./patterns.ts";
import { type FileReviews, PullReviewsError, readPullReviews } from "./pull-reviews.ts";
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
  /** A JSON file of pull-request reviews for the repositories given on the command line. */
  reviews?: string;
  onProgress?: (repo: string, done: number, total: number) => void;
}

export interface CollectedEvidence {
  report: EvidenceReport;
  /** Each repository's mining, and how many of its files were measured (the others' kept facts reused). */
  runs: (MineResult & { repo: string; measured: number; reused: number })[];
  warnings: string[];
}

export async function collectEvidence(options: CollectOptions): Promise<CollectedEvidence> {
  const settings = options.model?.evidence?.settings;
  const specs = [
    ...(options.onlyGiven ? [] : modelRepositories(options.model)),
    ...(options.repositories ?? []),
  ];
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
    });
    runs.push({ ...result, repo: spec.path });
    append(warnings, result.warnings);
    classifiers.set(result.state.key, classify);
    filterByKey.set(result.state.key, options.filter ?? spec.filter ?? settings?.filter ?? "all");
    const reviews = spec.reviews ?? options.reviews;
    const pulls = reviews === undefined ? undefined : loadPullReviews(reviews);
    if (pulls) pullsByKey.set(result.state.key, pulls.reviews);
    fingerprints.set(
      result.state.key,
      createHash("sha1")
        .update(shared)
        .update(JSON.stringify([spec.patterns ?? {}, result.mailmap.text, pulls?.text ?? null]))
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
  const windowStart = options.since
    ? options.since.slice(0, 7)
    : windowStartFor(options.today, settings?.windowMonths ?? 12);
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
        return leaves !== undefined && leaves <= options.today;
      },
    },
  );
  for (const [key, cache] of caches) await options.store.saveMeasures(key, cache);
  return {
    report,
    runs: runs.map((run) => ({ ...run, ...(counts.get(run.state.key) ?? { measured: 0, reused: 0 }) })),
    warnings,
  };
}

/** Reads an exported pull-request reviews file (and its text); a bad file is a clear error naming it. */
function loadPullReviews(path: string): { reviews: Map<string, FileReviews>; text: string } {
  let json: unknown;
  let text: string;
  try {
    text = readFileSync(path, "utf8");
    json = JSON.parse(text);
  } catch (error) {
    throw new PullReviewsError(`${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  try {
    return { reviews: readPullReviews(json), text };
  } catch (error) {
    throw new PullReviewsError(`${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
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
