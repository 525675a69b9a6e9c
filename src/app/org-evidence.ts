/**
 * Evidence for a synced model, as `mlteam doctor` gathers it for a working copy: the history of
 * the repository the model lives in, mined up to the synced commit into the team's own evidence
 * store in the server's data folder (a cache: mined incrementally, rebuilt if lost). A model's
 * `evidence.repositories` entry `.` (its own repository, paths from the model's file) is read from
 * the source's repository; other repositories are not reachable from the organisation's server and
 * are reported, as are review exports (files of a working copy).
 */
import { mkdirSync } from "node:fs";
import { dirname, posix } from "node:path";
import { InputError, UnavailableError } from "./errors.ts";
import type { EvidenceGatherer } from "./evidence.ts";

export interface SyncedEvidenceSource {
  /** The team's repository (a local repository, or the bare mirror of a remote one). */
  repo: string;
  /** The synced commit. */
  head: string;
  /** The team's evidence store (SQLite file). */
  storeFile: string;
}

export function syncedEvidence(source: SyncedEvidenceSource): EvidenceGatherer {
  return async ({ model, today }) => {
    const [{ collectEvidence, modelRepositories }, { GitError }, { PullReviewsError }, { openSqliteStore }] =
      await Promise.all([
        import("../evidence/collect.ts"),
        import("../evidence/git.ts"),
        import("../evidence/pull-reviews.ts"),
        import("../store/sqlite.ts"),
      ]);
    const warnings: string[] = [];
    const listed = modelRepositories(model);
    const own = listed.filter((r) => posix.normalize(r.path) === ".");
    for (const r of listed)
      if (posix.normalize(r.path) !== ".")
        warnings.push(
          `evidence: ${r.path} is not the team's repository; the organisation reads only the repository the model is in`,
        );
    for (const r of own)
      if (r.reviews !== undefined)
        warnings.push(
          `evidence: review exports (${r.reviews}) are read by \`mlteam evidence\`, not by the sync`,
        );
    if (own.length === 0) return { warnings };
    mkdirSync(dirname(source.storeFile), { recursive: true });
    const store = await openSqliteStore(source.storeFile);
    try {
      const spec = own[0];
      const collected = await collectEvidence({
        model,
        onlyGiven: true,
        repositories: [
          {
            path: source.repo,
            ...(spec?.patterns ? { patterns: spec.patterns } : {}),
            ...(spec?.filter ? { filter: spec.filter } : {}),
          },
        ],
        at: source.head,
        store,
        today,
      });
      return { report: collected.report, warnings: [...warnings, ...collected.warnings] };
    } catch (error) {
      if (error instanceof GitError) throw new UnavailableError(error.message);
      if (error instanceof PullReviewsError) throw new InputError(error.message);
      throw error;
    } finally {
      await store.close();
    }
  };
}
