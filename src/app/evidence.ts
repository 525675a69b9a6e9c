/**
 * The evidence port of the use cases: who really does each activity, from git history, mined into
 * the embedded store beside the model. The git plumbing and the store's native module are loaded
 * only when evidence is asked for, so commands that do not need it start fast.
 */
import { dirname, join } from "node:path";
import type { CollectedEvidence, CollectOptions } from "../evidence/collect.ts";
import type { EvidenceReport } from "../evidence/measures.ts";
import { modelRepositories, type RepositorySpec } from "../evidence/model-repositories.ts";
import type { EvidenceStore } from "../evidence/store-port.ts";
import type { Model } from "../model/model.ts";
import { InputError, UnavailableError } from "./errors.ts";

export interface EvidenceRequest {
  model: Model;
  /** Repositories to read besides those the model lists; when none at all, the model's own repository. */
  repositories?: readonly RepositorySpec[];
  today: string;
}

export interface GatheredEvidence {
  /** None when no repository the model lists could be read (the warnings say why): no evidence. */
  report?: EvidenceReport;
  warnings: string[];
}

export type EvidenceGatherer = (request: EvidenceRequest) => Promise<GatheredEvidence>;

/** Whether the model lists repositories to gather evidence from (then every check gathers it). */
export const listsRepositories = (model: Model): boolean => modelRepositories(model).length > 0;

/**
 * Where the evidence store lives: `.mlteam/evidence.db` in the model's folder; without a model,
 * `evidence.db` in `cacheDir`, the user's cache folder for mlteam that the surface works out from
 * its environment (never the current directory: it is often the repository being analysed, whose
 * work tree the store must not litter).
 */
export function storePath(model: Model | undefined, cacheDir: string): string {
  const file = model?.files[0];
  return file ? besideModel(file) : join(cacheDir, "evidence.db");
}

const besideModel = (file: string) => join(dirname(file), ".mlteam", "evidence.db");

/** Mines the model's repositories (or the one it lives in) with git into the SQLite store. */
export const gitEvidence: EvidenceGatherer = async ({ model, repositories = [], today }) => {
  const { gitTry } = await import("../evidence/git.ts");
  const extra = [...repositories];
  if (modelRepositories(model).length === 0 && extra.length === 0) {
    const top = gitTry(dirname(model.files[0] ?? "."), ["rev-parse", "--show-toplevel"])?.trim();
    if (!top)
      throw new UnavailableError(
        "evidence: the model lists no `evidence.repositories` and is not inside a git repository",
      );
    extra.push({ path: top });
  }
  return collectInto(besideModel(model.files[0] ?? "."), { model, repositories: extra, today });
};

/**
 * Mines into the SQLite store at `file` and measures: git's failures become UnavailableError, a
 * review export's InputError, a store that cannot be used an UnavailableError naming it. The one
 * way every surface (the command line, the server, the organisation's sync) runs the miner.
 */
export async function collectInto(
  file: string,
  options: Omit<CollectOptions, "store">,
): Promise<CollectedEvidence> {
  const [{ collectEvidence }, { GitError }, { PullReviewsError }, { isSqliteFailure }, store] =
    await Promise.all([
      import("../evidence/collect.ts"),
      import("../evidence/git.ts"),
      import("../evidence/pull-reviews.ts"),
      import("../store/sqlite.ts"),
      openEvidenceStore(file),
    ]);
  try {
    return await collectEvidence({ ...options, store });
  } catch (error) {
    if (error instanceof GitError) throw new UnavailableError(error.message);
    if (error instanceof PullReviewsError) throw new InputError(error.message);
    // Only SQLite's own failures are the store's once it is open.
    throw (isSqliteFailure(error) ? storeFailure(file, error) : undefined) ?? error;
  } finally {
    await store.close();
  }
}

/**
 * Opens the evidence store at `file`; one that cannot be opened (damaged, not a database, a folder
 * in its place, no permission) is an UnavailableError naming it. It is a cache: deleting it only
 * means reading the history again.
 */
export async function openEvidenceStore(file: string): Promise<EvidenceStore> {
  const { openSqliteStore } = await import("../store/sqlite.ts");
  try {
    return await openSqliteStore(file);
  } catch (error) {
    throw storeFailure(file, error) ?? error;
  }
}

/** The store's own failures (SQLite's, the file system's) as an UnavailableError naming it; others: undefined. */
function storeFailure(file: string, error: unknown): UnavailableError | undefined {
  const code = (error as { code?: unknown }).code;
  if (!(error instanceof Error) || typeof code !== "string" || !/^(SQLITE_|E[A-Z]+$)/.test(code))
    return undefined;
  const inTheWay = code === "EEXIST" || code === "ENOTDIR";
  return new UnavailableError(
    inTheWay
      ? `the evidence store ${file} cannot be made: ${dirname(file)} is not a folder (${error.message}); move it away`
      : `the evidence store ${file} cannot be used (${error.message}); it only keeps what git history gave: delete it to read the history again`,
  );
}
