/**
 * The use case behind `mlteam history` and `GET /api/history`: the model as of every commit that
 * changed it, each checked by the same use case as `mlteam doctor` as of that commit's date, read
 * from git objects. Each version's check is cached by its files' blobs and its day.
 */
import { createHash } from "node:crypto";
import { join } from "node:path";
import type { Finding } from "../analysis/rule.ts";
import { GitError } from "../evidence/git.ts";
import {
  entryAtVersions,
  type HistoryOptions,
  locateModel,
  type ModelInRepo,
  modelVersions,
  readBlobs,
  type Version,
  versionFiles,
} from "../history/git-versions.ts";
import type { Diagnostic } from "../model/diagnostic.ts";
import { loadModel, type ModelHost, modelFolder } from "../model/load.ts";
import { memoryHost } from "../model/memory-host.ts";
import type { HistoryCache } from "../store/history-cache.ts";
import { VERSION } from "../version.ts";
import { checkTeam } from "./check-team.ts";
import { InputError, UnavailableError } from "./errors.ts";

/** What one version's check gives the history (cached). */
export interface VersionCheck {
  valid: boolean;
  score?: number;
  areas?: Record<string, number>;
  coverage?: number;
  counts: { error: number; warn: number; info: number };
  people: number;
  /** `ruleId|subject` of each finding, to see what appeared and disappeared. */
  findings: string[];
  /** The first input problems, when the version did not validate. */
  diagnostics?: Pick<Diagnostic, "file" | "line" | "column" | "message">[];
}

export interface HistoryPoint extends Omit<VersionCheck, "findings"> {
  commit: string;
  date: string;
  author: string;
  /** Rule ids of the findings that appeared / disappeared at this commit. */
  appeared: string[];
  disappeared: string[];
  /** Whether this point came from the cache. */
  cached?: boolean;
}

export interface HistoryRequest extends HistoryOptions {
  /** The model's entry on disk (a file or a folder). */
  entry: string;
  /** The file system, to tell a folder from a file. */
  host: ModelHost;
  cache?: HistoryCache;
}

const findingKey = (f: Pick<Finding, "ruleId" | "subject" | "message">) =>
  `${f.ruleId}|${f.subject ?? f.message}`;

/** Checks one version of the model (its files as path → text) as of `day`. */
export async function checkVersion(
  entry: string,
  files: Record<string, string>,
  day: string,
): Promise<VersionCheck> {
  const check = await checkTeam(entry, { host: memoryHost(files), today: day, evidence: "never" });
  const findings = check.doctor?.findings ?? [];
  const count = (s: Finding["severity"]) => findings.filter((f) => f.severity === s).length;
  const result: VersionCheck = {
    valid: check.valid,
    counts: { error: count("error"), warn: count("warn"), info: count("info") },
    people: check.model.people.length,
    findings: findings.map(findingKey),
  };
  if (check.score) {
    result.score = check.score.overall;
    result.areas = check.score.areas;
    result.coverage = check.score.coverage.overall;
  }
  if (!check.valid)
    result.diagnostics = check.diagnostics
      .filter((d) => d.severity === "error")
      .slice(0, 5)
      .map(({ file, line, column, message }) => ({ file, line, column, message }));
  return result;
}

/** The model in its repository, or an UnavailableError that says why not. */
export function modelInRepo(entry: string, host: ModelHost): ModelInRepo {
  if (host.exists?.(entry) === false)
    throw new InputError(`no model at ${entry} (expected a YAML file or a directory holding mlteam.yaml)`);
  try {
    // Follow what the model includes today, also where it lies outside the model's folder.
    const { model } = loadModel(entry, host);
    return locateModel(entry, host.listYamlFiles(entry) !== undefined, [
      ...model.files,
      ...model.directories,
    ]);
  } catch (error) {
    if (error instanceof GitError)
      throw new UnavailableError(`reading the model's history needs git: ${error.message}`);
    throw error;
  }
}

/** Where the checks of a model's versions are cached: `.mlteam/history.db` in the model's folder. */
export function historyCacheFile(entry: string, host: ModelHost): string {
  return join(modelFolder(entry, host), ".mlteam", "history.db");
}

/** The model's history with each version's check cached in its folder (`useCache: false` checks every version again). */
export async function cachedModelHistory(
  request: Omit<HistoryRequest, "cache"> & { useCache: boolean },
): Promise<HistoryPoint[]> {
  const { useCache, ...rest } = request;
  const { openHistoryCache } = await import("../store/history-cache.ts");
  const cache = useCache ? openHistoryCache(historyCacheFile(rest.entry, rest.host), VERSION) : undefined;
  try {
    return await modelHistory({ ...rest, ...(cache ? { cache } : {}) });
  } finally {
    cache?.close();
  }
}

export async function modelHistory(request: HistoryRequest): Promise<HistoryPoint[]> {
  const model = modelInRepo(request.entry, request.host);
  let versions: Version[];
  try {
    versions = modelVersions(model, request);
  } catch (error) {
    if (error instanceof GitError) throw new UnavailableError(error.message);
    throw error;
  }
  const entries = entryAtVersions(model, versions);
  const entryOf = new Map(versions.map((v, i) => [v, entries[i] ?? model.entry]));
  const keyOf = (v: Version) =>
    createHash("sha256")
      .update(`${VERSION}\u0000${entryOf.get(v)}\u0000${v.date.slice(0, 10)}\u0000`)
      .update(
        [...v.blobs]
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([p, b]) => `${p}:${b}`)
          .join("\u0000"),
      )
      .digest("hex");
  const cached = new Map<Version, VersionCheck>();
  const missing: Version[] = [];
  for (const v of versions) {
    const hit = request.cache?.get(keyOf(v));
    if (hit) cached.set(v, JSON.parse(hit) as VersionCheck);
    else missing.push(v);
  }
  // Only the blobs of versions not in the cache are read.
  const texts = readBlobs(
    model.repo,
    missing.flatMap((v) => [...v.blobs].filter(([p]) => /\.ya?ml$/i.test(p)).map(([, b]) => b)),
  );
  const points: HistoryPoint[] = [];
  let previous: Set<string> | undefined;
  for (const v of versions) {
    let check = cached.get(v);
    const fromCache = check !== undefined;
    if (!check) {
      check = await checkVersion(entryOf.get(v) ?? model.entry, versionFiles(v, texts), v.date.slice(0, 10));
      request.cache?.set(keyOf(v), JSON.stringify(check));
    }
    const now = new Set(check.findings);
    const { findings: _keys, ...rest } = check;
    const ruleOf = (k: string) => k.split("|")[0] as string;
    points.push({
      commit: v.commit,
      date: v.date,
      author: v.author,
      ...rest,
      // An invalid version has no findings: nothing appears or disappears there.
      appeared: check.valid ? [...now].filter((k) => !previous?.has(k)).map(ruleOf) : [],
      disappeared: check.valid ? [...(previous ?? [])].filter((k) => !now.has(k)).map(ruleOf) : [],
      ...(fromCache ? { cached: true } : {}),
    });
    // An invalid version has no findings to compare: the next point compares with the last valid one.
    if (check.valid) previous = now;
  }
  return points;
}
