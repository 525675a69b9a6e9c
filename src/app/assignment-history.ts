/**
 * Since when each governance assignment has held, read from the model's git history (the same
 * versions as `mlteam history`): for the audit pack's evidence. Without git, nothing is known.
 */
import { assignmentKeys, sinceWhen } from "../analysis/assignments.ts";
import { GitError } from "../evidence/git.ts";
import { entryAtVersions, modelVersions, readBlobs, versionFiles } from "../history/git-versions.ts";
import { loadModel, type ModelHost } from "../model/load.ts";
import { memoryHost } from "../model/memory-host.ts";
import { UnavailableError } from "./errors.ts";
import { modelInRepo } from "./history.ts";

export type Since = ReadonlyMap<string, { commit: string; date: string }>;

export function assignmentsSince(entry: string, host: ModelHost): Since | undefined {
  try {
    const model = modelInRepo(entry, host);
    const versions = modelVersions(model);
    if (versions.length === 0) return undefined;
    const entries = entryAtVersions(model, versions);
    const texts = readBlobs(
      model.repo,
      versions.flatMap((v) => [...v.blobs].filter(([p]) => /\.ya?ml$/i.test(p)).map(([, b]) => b)),
    );
    return sinceWhen(
      versions.map((version, i) => {
        const loaded = loadModel(entries[i] ?? model.entry, memoryHost(versionFiles(version, texts)));
        return { version, keys: assignmentKeys(loaded.model) };
      }),
    );
  } catch (error) {
    if (error instanceof GitError || error instanceof UnavailableError) return undefined;
    throw error;
  }
}
