/**
 * The use case behind `mlteam org sync`, the organisation server's background sync and `POST
 * /api/org/sync`: read every source at its branch head from git objects, check each team in the
 * context of the whole organisation through the same use case as `mlteam org doctor` (as of today),
 * and keep a snapshot by commit. A team whose head and context (the other sources' heads) did not
 * move is skipped; a source that fails (repository missing, branch gone, model not there) is
 * recorded with the reason and never stops the others.
 */
import { posix } from "node:path";
import { modelVersions, readBlobs, versionFiles } from "../history/git-versions.ts";
import type { ModelHost } from "../model/load.ts";
import { memoryHost } from "../model/memory-host.ts";
import type { OrgConfig, OrgSource } from "../org/config.ts";
import type { OrgStore, TeamRecord } from "../org/store-port.ts";
import {
  checkTeamInOrganisation,
  contextKeyOf,
  type LoadedOrganisation,
  loadOrganisation,
  organisationWith,
  prefetchTrees,
  readSources,
  type SourceAtHead,
  type SourcesRead,
  sourceWithFiles,
} from "./org-check.ts";
import { evidenceStore, snapshotInOrganisation } from "./org-doctor.ts";
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
  /** The sources' mirrors are already fetched: read every source without the network. */
  fetched?: boolean;
  /** On a team's first sync, backfill its history from commits on or after this day (YYYY-MM-DD; default: all). */
  since?: string;
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
  const wanted = (id: string) => !options.only || options.only.includes(id);
  // Every source's head is read (the others from their mirrors as last fetched); the models are
  // loaded only when a team must be checked — each in the context of the whole organisation, as
  // `mlteam org doctor` checks it.
  const sources = readSources(config, options.dataDir, options.fetched ? () => false : wanted);
  let org: LoadedOrganisation | undefined;
  const outcomes: SourceOutcome[] = [];
  for (const source of config.sources) {
    if (!wanted(source.id)) continue;
    const at = sources.read.find((r) => r.source.id === source.id);
    const failure = sources.failed.find((f) => f.source.id === source.id);
    const previous = known.get(source.id);
    if (!at || failure) {
      outcomes.push(await recordFailure(store, source, previous, failure?.reason ?? "not read", options));
      continue;
    }
    const unchanged = await unchangedOutcome(sources, at, previous, options);
    if (unchanged) outcomes.push(unchanged);
    else {
      if (!org) {
        await prefetchTrees(sources, options.dataDir);
        org = loadOrganisation(sources);
      }
      outcomes.push(await syncSource(org, at, previous, options));
    }
  }
  return outcomes;
}

/**
 * When neither the team's head nor the heads of the sources its kept snapshot borrowed from moved:
 * its outcome, without loading any model (a re-sync of hundreds of teams reads only their refs).
 */
async function unchangedOutcome(
  sources: SourcesRead,
  at: SourceAtHead,
  previous: TeamRecord | undefined,
  options: OrgSyncOptions,
): Promise<SourceOutcome | undefined> {
  const { store } = options;
  const { source, head } = at;
  const kept = await store.snapshot(source.id, head);
  if (!kept?.contextSources || kept.contextKey !== contextKeyOf(sources, head, kept.contextSources))
    return undefined;
  const reason = !kept.valid ? invalidReason(kept.diagnostics) : undefined;
  const same =
    previous?.head === head &&
    previous.error === reason &&
    previous.repo === source.repo &&
    previous.model === source.model &&
    previous.branch === source.branch;
  if (!same)
    await store.saveTeam({ ...recordOf(source, options), head, ...(reason ? { error: reason } : {}) });
  return { id: source.id, status: "unchanged", commit: head, ...(reason ? { reason } : {}) };
}

const recordOf = (source: OrgSource, options: Pick<OrgSyncOptions, "now">) => ({
  id: source.id,
  repo: source.repo,
  model: source.model,
  branch: source.branch,
  checkedAt: options.now(),
});

/** The last good snapshot stays the team's current one; the reason is shown beside it. */
export async function recordFailure(
  store: OrgStore,
  source: OrgSource,
  previous: TeamRecord | undefined,
  reason: string,
  options: Pick<OrgSyncOptions, "now">,
): Promise<SourceOutcome> {
  await store.saveTeam({
    ...recordOf(source, options),
    ...(previous?.head ? { head: previous.head } : {}),
    error: reason,
  });
  return { id: source.id, status: "failed", reason };
}

async function syncSource(
  org: LoadedOrganisation,
  at: SourceAtHead,
  previous: TeamRecord | undefined,
  options: OrgSyncOptions,
): Promise<SourceOutcome> {
  const { store } = options;
  const { source, head } = at;
  const record = recordOf(source, options);
  let reason: string | undefined;
  try {
    const checked = await checkTeamInOrganisation(org, at, {
      today: options.today,
      evidenceFor: (s) =>
        syncedEvidence({ repo: s.repo, head: s.head, storeFile: evidenceStore(options.dataDir, s) }),
    });
    const snapshot = snapshotInOrganisation(
      checked,
      org.identities,
      options.now(),
      modelFiles(checked.check.model.files, at.host),
    );
    await store.saveSnapshot(snapshot);
    if (!snapshot.valid) reason = invalidReason(snapshot.diagnostics);
    // A team's trend starts where its model started, not at its first sync.
    if (!previous) await backfillHistory(org, at, options);
  } catch (error) {
    return recordFailure(
      store,
      source,
      previous,
      error instanceof Error ? error.message : String(error),
      options,
    );
  }
  await store.saveTeam({ ...record, head, ...(reason ? { error: reason } : {}) });
  return { id: source.id, status: "synced", commit: head, ...(reason ? { reason } : {}) };
}

/**
 * One snapshot per older commit that changed the model (first-parent, bounded by `since`), each
 * checked in the organisation as it is now with that commit in place of the head. Every version's
 * files are read in one `git cat-file --batch`. Evidence is not mined for these points: their
 * scores are the rules' alone.
 */
async function backfillHistory(
  org: LoadedOrganisation,
  at: SourceAtHead,
  options: OrgSyncOptions,
): Promise<void> {
  const model = at.source.model;
  const folder = (/\.ya?ml$/i.test(model) ? posix.dirname(model) : model).replace(/^\.$/, "");
  const under = folder === "" ? "" : `${folder}/`;
  // The model's YAML files (an entry file includes files beside or below it).
  const pathspecs = [`:(glob)${under}**/*.yaml`, `:(glob)${under}**/*.yml`];
  const versions = modelVersions(
    { repo: at.repo, entry: model, renames: [], pathspecs },
    { head: at.head, ...(options.since ? { since: options.since } : {}) },
  ).slice(0, -1); // The newest has the model the head has: the head's own snapshot stands for it.
  const wanted = [];
  for (const v of versions)
    if (v.commit !== at.head && !(await options.store.hasSnapshot(at.source.id, v.commit))) wanted.push(v);
  if (wanted.length === 0) return;
  const texts = readBlobs(at.repo, new Set(wanted.flatMap((v) => [...v.blobs.values()])));
  for (const version of wanted) {
    const files = versionFiles(version, texts);
    const then = sourceWithFiles(at.source, at.repo, version.commit, version.date, memoryHost(files));
    try {
      const checked = await checkTeamInOrganisation(organisationWith(org, then), then, {
        today: options.today,
      });
      await options.store.saveSnapshot(snapshotInOrganisation(checked, org.identities, options.now(), files));
    } catch {
      // A commit whose model cannot be read (a half-written include, say) is no point of the trend.
    }
  }
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
