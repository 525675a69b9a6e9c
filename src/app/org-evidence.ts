/**
 * Evidence for a synced model, as `mlteam doctor` gathers it for a working copy: the history of
 * the repository the model lives in, mined up to the synced commit into the team's own evidence
 * store in the server's data folder (a cache: mined incrementally, rebuilt if lost). A model's
 * `evidence.repositories` entry `.` (its own repository, paths from the model's file) is read from
 * the source's repository; other repositories are not reachable from the organisation's server and
 * are reported, as are review exports (files of a working copy).
 */
import { posix } from "node:path";
import { modelRepositories } from "../evidence/model-repositories.ts";
import { collectInto, type EvidenceGatherer } from "./evidence.ts";

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
    const spec = own[0];
    if (!spec) return { warnings };
    const collected = await collectInto(source.storeFile, {
      model,
      onlyGiven: true,
      repositories: [
        {
          path: source.repo,
          ...(spec.patterns ? { patterns: spec.patterns } : {}),
          ...(spec.filter ? { filter: spec.filter } : {}),
        },
      ],
      at: source.head,
      today,
    });
    return { report: collected.report, warnings: [...warnings, ...collected.warnings] };
  };
}
