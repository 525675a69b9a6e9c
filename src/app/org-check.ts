/**
 * The organisation checked as one model — the use case behind `mlteam org doctor`, `mlteam org sync`
 * and the organisation server's sync, so that all three agree. Every source is read at its branch
 * head from git objects and loaded once; people are matched across sources (id, e-mail, handle);
 * then each team is checked by `checkTeam` in the context of the whole organisation: its references
 * resolve across sources, what the teams serving it provide counts, and its findings are those
 * located in its own files.
 */
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Framework } from "../analysis/rule.ts";
import { GitError, gitSync } from "../evidence/git.ts";
import { listingHost, treeListing, treeListingAsync } from "../history/tree-host.ts";
import { type LoadResult, loadModel, type ModelHost } from "../model/load.ts";
import type { Model } from "../model/model.ts";
import { indexOrganisation, modelInOrganisation, type OrgModels } from "../model/org-context.ts";
import { type OrgIdentities, organisationIdentities } from "../model/org-identity.ts";
import type { OrgConfig, OrgSource } from "../org/config.ts";
import { type KeptTree, keepTree, keptTree } from "../org/model-cache.ts";
import { headOf, localRepository } from "../org/source-mirror.ts";
import { checkTeam, type TeamCheck } from "./check-team.ts";
import type { EvidenceGatherer } from "./evidence.ts";

/** A source read at its branch head. */
export interface SourceAtHead {
  source: OrgSource;
  /** The local repository (in place, or the bare mirror of a remote one). */
  repo: string;
  head: string;
  /** The head commit's date (ISO 8601): when the model last changed. */
  committedAt: string;
  host: ModelHost;
}

/** A source that could not be read, and why. */
export interface SourceFailure {
  source: OrgSource;
  reason: string;
}

export interface SourcesRead {
  read: SourceAtHead[];
  failed: SourceFailure[];
}

/**
 * Reads every source's head (cloning or fetching remote ones into `dataDir`); a failure never stops
 * the others. Sources `refresh` says no to are read from their mirror as it is (no network): a sync
 * of one source still sees the others as last fetched.
 */
export function readSources(
  config: Pick<OrgConfig, "sources">,
  dataDir: string,
  refresh: (id: string) => boolean = () => true,
): SourcesRead {
  const read: SourceAtHead[] = [];
  const failed: SourceFailure[] = [];
  for (const source of config.sources) {
    try {
      const mirror = join(dataDir, "repos", `${source.id}.git`);
      let repo: string;
      if (!source.remote || refresh(source.id)) repo = localRepository(source, dataDir);
      else if (existsSync(join(mirror, "HEAD"))) repo = mirror;
      // Never a network call for a source this pass does not sync: one not mirrored yet is missing.
      else throw new GitError(`${source.id} has not been mirrored yet (its own sync clones it)`);
      const head = headOf(repo, source.branch);
      if (!head) throw new GitError(`the branch or ref "${source.branch}" is not in ${source.repo}`);
      read.push(sourceAt(source, repo, head, dataDir));
    } catch (error) {
      failed.push({ source, reason: error instanceof Error ? error.message : String(error) });
    }
  }
  return { read, failed };
}

/**
 * The source at `head`; its tree and commit date are read when first asked for — from what the last
 * run kept in `dataDir` when the head has not moved (no git process), else from git (and kept).
 */
export function sourceAt(source: OrgSource, repo: string, head: string, dataDir?: string): SourceAtHead {
  let tree: KeptTree | undefined;
  let host: ModelHost | undefined;
  const read = (): KeptTree => {
    if (tree) return tree;
    const at = { repo, model: source.model, head };
    tree = dataDir === undefined ? undefined : keptTree(dataDir, source.id, at);
    if (!tree) {
      const listing = treeListing(repo, head, source.model);
      tree = {
        committedAt: listing.committedAt ?? gitSync(repo, ["show", "-s", "--format=%cI", head]).trim(),
        listing,
      };
      if (dataDir !== undefined) keepTree(dataDir, source.id, at, tree);
    }
    return tree;
  };
  return {
    source,
    repo,
    head,
    get committedAt() {
      return read().committedAt;
    },
    get host() {
      host ??= listingHost(repo, read().listing);
      return host;
    },
  };
}

/** A team checked in its organisation. */
export interface TeamInOrganisation {
  at: SourceAtHead;
  /** The team's name: the organisation file's, else its model's team's, else the source id. */
  name: string;
  check: TeamCheck;
  /** A fingerprint of the heads the check read (its own and those of the sources it borrowed from). */
  contextKey: string;
  /** The sources it borrowed from. */
  borrowedFrom: string[];
}

/** The organisation's sources loaded and indexed, ready to check any of its teams. */
export interface LoadedOrganisation {
  sources: SourcesRead;
  loaded: ReadonlyMap<string, LoadResult>;
  identities: OrgIdentities;
  index: OrgModels;
}

/**
 * Models already loaded, by repository, commit and path: a long-lived process (an `org worker`, the
 * server) syncing one source at a time loads each other source's model once per commit, not once
 * per sync. Models are never changed after loading, so sharing them is safe.
 */
const LOADED = new Map<string, LoadResult>();
const LOADED_MAX = 4096;

function loadAt(at: SourceAtHead): LoadResult {
  const key = `${at.repo}\u0000${at.head}\u0000${at.source.model}`;
  let result = LOADED.get(key);
  if (!result) {
    result = loadModel(at.source.model, at.host);
    if (LOADED.size >= LOADED_MAX) LOADED.delete(LOADED.keys().next().value as string);
    LOADED.set(key, result);
  }
  return result;
}

/**
 * Reads the trees of the sources not kept from an earlier run, several repositories at once (git is
 * mostly waiting on the disk and on starting processes), and keeps them: `loadOrganisation` then
 * reads every source from what is kept. A source that cannot be listed is left to fail as it would.
 */
export async function prefetchTrees(sources: SourcesRead, dataDir: string, concurrency = 4): Promise<void> {
  const todo = sources.read.filter(
    (at) =>
      keptTree(dataDir, at.source.id, { repo: at.repo, model: at.source.model, head: at.head }) === undefined,
  );
  let next = 0;
  const lane = async () => {
    while (next < todo.length) {
      const at = todo[next++] as SourceAtHead;
      try {
        const listing = await treeListingAsync(at.repo, at.head, at.source.model);
        if (listing.committedAt === undefined) continue;
        keepTree(
          dataDir,
          at.source.id,
          { repo: at.repo, model: at.source.model, head: at.head },
          {
            committedAt: listing.committedAt,
            listing,
          },
        );
      } catch {
        // Read again, synchronously, when the model is loaded: the failure is reported there.
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
}

export function loadOrganisation(sources: SourcesRead): LoadedOrganisation {
  const loaded = new Map<string, LoadResult>();
  for (const at of sources.read) {
    try {
      loaded.set(at.source.id, loadAt(at));
    } catch (error) {
      sources.failed.push({
        source: at.source,
        reason: error instanceof Error ? error.message : String(error),
      });
    }
  }
  const models = sources.read.flatMap((at) => {
    const result = loaded.get(at.source.id);
    return result ? [{ id: at.source.id, model: result.model }] : [];
  });
  const identities = organisationIdentities(models.map((m) => ({ id: m.id, people: m.model.people })));
  return { sources, loaded, identities, index: indexOrganisation(models, identities) };
}

/**
 * The organisation as it would be with `at` (an older commit of one of its sources, with its host) in
 * place of that source's head: what a team's history point is checked against. Cheap — only that
 * source's model changes; the people matched across sources and the others' entries stay as at the
 * heads.
 */
export function organisationWith(org: LoadedOrganisation, at: SourceAtHead): LoadedOrganisation {
  const id = at.source.id;
  const result = loadAt(at);
  const loaded = new Map(org.loaded);
  loaded.set(id, result);
  return {
    sources: { read: org.sources.read.map((r) => (r.source.id === id ? at : r)), failed: org.sources.failed },
    loaded,
    identities: org.identities,
    index: {
      ...org.index,
      sources: org.index.sources.map((s) => (s.id === id ? { id, model: result.model } : s)),
    },
  };
}

/** A source at an older commit whose model's files are already read (a history point). */
export function sourceWithFiles(
  source: OrgSource,
  repo: string,
  commit: string,
  committedAt: string,
  host: ModelHost,
): SourceAtHead {
  return { source, repo, head: commit, committedAt, host };
}

export interface CheckInOrganisationOptions {
  today: string;
  /** Governance frameworks to check besides those the team's model lists. */
  frameworks?: readonly Framework[];
  /** How to gather a team's evidence (when its model lists its own repository); none: rules only. */
  evidenceFor?(at: SourceAtHead): EvidenceGatherer;
}

/** Checks one team of the organisation, as every organisation surface does. */
export async function checkTeamInOrganisation(
  org: LoadedOrganisation,
  at: SourceAtHead,
  options: CheckInOrganisationOptions,
): Promise<TeamInOrganisation> {
  const loaded = org.loaded.get(at.source.id);
  if (!loaded) throw new Error(`checkTeamInOrganisation: ${at.source.id} was not loaded`);
  const missing = org.sources.failed.map((f) => f.source.id);
  const gather = options.evidenceFor?.(at);
  const composed = modelInOrganisation(org.index, at.source.id);
  const check = await checkTeam(at.source.model, {
    host: at.host,
    today: options.today,
    ...(gather ? { gatherEvidence: gather } : { evidence: "never" as const }),
    ...(options.frameworks ? { frameworks: options.frameworks } : {}),
    organisation: {
      loaded,
      compose: () => composed.model,
      references: missing.length > 0 ? { missingSources: missing } : "organisation",
    },
  });
  return {
    at,
    name: teamName(at.source, loaded.model),
    check,
    contextKey: contextKey(org, at, composed.borrowedFrom),
    borrowedFrom: composed.borrowedFrom,
  };
}

/** The team's name: the organisation file's, else its model's (first) team's, else the source id. */
export function teamName(source: OrgSource, model: Model): string {
  return source.name ?? model.teams.find((t) => t.name)?.name ?? source.id;
}

/**
 * What a snapshot holds changed (the organisation chart's facts, the organisation's checks): a team
 * kept in an older format is checked again on the next sync even when nothing it reads moved.
 */
const SNAPSHOT_FORMAT = "org-snapshot-2";

/**
 * The heads a team's check depends on: its own and those of the sources it borrowed from (`borrowedFrom`,
 * by default as the organisation composes it now), and which sources could not be read.
 */
export function contextKey(
  org: LoadedOrganisation,
  at: SourceAtHead,
  borrowedFrom = modelInOrganisation(org.index, at.source.id).borrowedFrom,
): string {
  return contextKeyOf(org.sources, at.head, borrowedFrom);
}

/** The same key from the sources as read (their heads) alone: a sync tells an unchanged team without loading a model. */
export function contextKeyOf(sources: SourcesRead, head: string, borrowedFrom: readonly string[]): string {
  const hash = createHash("sha256").update(`${SNAPSHOT_FORMAT}\u0000${head}`);
  for (const id of borrowedFrom) {
    const other = sources.read.find((r) => r.source.id === id);
    hash.update(`\u0000${id}=${other?.head ?? ""}`);
  }
  for (const failed of sources.failed) hash.update(`\u0000${failed.source.id}!`);
  return hash.digest("hex").slice(0, 16);
}
