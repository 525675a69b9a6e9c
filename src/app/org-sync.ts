/**
 * The use case behind `mlteam org sync`, the organisation server's background sync and `POST
 * /api/org/sync`: for each source, read the model at its branch head from git objects, check it
 * through the same use case as `mlteam doctor` (as of today), and keep a snapshot by commit. A head
 * already snapshotted is skipped; a source that fails (repository missing, branch gone, model not
 * there) is recorded with the reason and never stops the others.
 */
import { join } from "node:path";
import { GitError, gitSync } from "../evidence/git.ts";
import { treeHost } from "../history/tree-host.ts";
import type { ModelHost } from "../model/load.ts";
import type { OrgConfig, OrgSource } from "../org/config.ts";
import { snapshotOf } from "../org/snapshot.ts";
import { headOf, localRepository } from "../org/source-mirror.ts";
import type { OrgStore, TeamRecord } from "../org/store-port.ts";
import { checkTeam } from "./check-team.ts";
import { syncedEvidence } from "./org-evidence.ts";

export interface OrgSyncOptions {
  config: OrgConfig;
  store: OrgStore;
  /** Where remote repositories are mirrored. */
  dataDir: string;
  /** Today's date (YYYY-MM-DD): date-dependent rules run as of this day. */
  today: string;
  /** The current time (ISO 8601), for `syncedAt`. */
  now: () => string;
  /** Sync only these source ids (default: all). */
  only?: readonly string[];
}

export interface SourceOutcome {
  id: string;
  status: "synced" | "unchanged" | "failed";
  commit?: string;
  /** Why it failed, or why the model at that commit is invalid. */
  reason?: string;
}

export async function syncOrganisation(options: OrgSyncOptions): Promise<SourceOutcome[]> {
  const { config, store } = options;
  await store.removeTeamsExcept(config.sources.map((s) => s.id));
  const known = new Map((await store.teams()).map((t) => [t.id, t]));
  const outcomes: SourceOutcome[] = [];
  for (const source of config.sources) {
    if (options.only && !options.only.includes(source.id)) continue;
    outcomes.push(await syncSource(source, known.get(source.id), options));
  }
  return outcomes;
}

async function syncSource(
  source: OrgSource,
  previous: TeamRecord | undefined,
  options: OrgSyncOptions,
): Promise<SourceOutcome> {
  const { store } = options;
  const record = {
    id: source.id,
    repo: source.repo,
    model: source.model,
    branch: source.branch,
    checkedAt: options.now(),
  };
  let repo: string;
  let head: string;
  try {
    repo = localRepository(source, options.dataDir);
    const found = headOf(repo, source.branch);
    if (!found) throw new GitError(`the branch or ref "${source.branch}" is not in ${source.repo}`);
    head = found;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    // The last good snapshot stays the team's current one; the reason is shown beside it.
    await store.saveTeam({ ...record, ...(previous?.head ? { head: previous.head } : {}), error: reason });
    return { id: source.id, status: "failed", reason };
  }
  // The head did not move and the source is the same: nothing to read, nothing to write.
  if (
    previous?.head === head &&
    previous.error === undefined &&
    previous.repo === source.repo &&
    previous.model === source.model &&
    previous.branch === source.branch
  )
    return { id: source.id, status: "unchanged", commit: head };
  if (await store.hasSnapshot(source.id, head)) {
    const kept = await store.snapshot(source.id, head);
    const reason = kept && !kept.valid ? invalidReason(kept.diagnostics) : undefined;
    await store.saveTeam({ ...record, head, ...(reason ? { error: reason } : {}) });
    return { id: source.id, status: "unchanged", commit: head, ...(reason ? { reason } : {}) };
  }
  let reason: string | undefined;
  try {
    const host = treeHost(repo, head, source.model);
    // Evidence as the doctor gathers it (when the model lists its repository), up to the synced commit.
    const check = await checkTeam(source.model, {
      host,
      today: options.today,
      gatherEvidence: syncedEvidence({
        repo,
        head,
        storeFile: join(options.dataDir, "evidence", `${source.id}.db`),
      }),
    });
    const committedAt = gitSync(repo, ["show", "-s", "--format=%cI", head]).trim();
    const snapshot = snapshotOf(check, {
      teamId: source.id,
      commit: head,
      committedAt,
      syncedAt: options.now(),
      files: modelFiles(check.model.files, host),
    });
    await store.saveSnapshot(snapshot);
    if (!snapshot.valid) reason = invalidReason(snapshot.diagnostics);
  } catch (error) {
    reason = error instanceof Error ? error.message : String(error);
    await store.saveTeam({ ...record, ...(previous?.head ? { head: previous.head } : {}), error: reason });
    return { id: source.id, status: "failed", commit: head, reason };
  }
  await store.saveTeam({ ...record, head, ...(reason ? { error: reason } : {}) });
  return { id: source.id, status: "synced", commit: head, ...(reason ? { reason } : {}) };
}

/** The texts of the files the model was read from. */
function modelFiles(paths: readonly string[], host: ModelHost): Record<string, string> {
  const files: Record<string, string> = {};
  for (const path of paths) {
    const text = host.readFile(path);
    if (text !== undefined) files[path] = text;
  }
  return files;
}

const invalidReason = (diagnostics: readonly string[]) =>
  `the model does not validate: ${diagnostics[0] ?? "(no detail)"}${diagnostics.length > 1 ? ` (and ${diagnostics.length - 1} more)` : ""}`;
