/**
 * Mines one repository's history into the store: only the commits added since the last run, or
 * everything again when history was rewritten (the last commit seen is no longer an ancestor).
 * Authors are kept as git identities ("Name <email>", after .mailmap); mapping them to people is
 * done when reporting, so a change to the model never invalidates the store.
 */
import { realpathSync } from "node:fs";
import { type FileState, HistoryAccumulator, mergeNewer } from "./authorship.ts";
import { GitError, gitStream, gitSync, gitTry, logArgs } from "./git.ts";
import { type Commit, LogParser } from "./log-parser.ts";
import type { EvidenceStore, RepoState } from "./store-port.ts";

export interface MineOptions {
  repo: string;
  /** A branch or other ref; HEAD when omitted. */
  branch?: string;
  store: EvidenceStore;
  /** Called as commits are read: done, total. */
  onProgress?: (done: number, total: number) => void;
}

export interface MineResult {
  state: RepoState;
  /** Commits read in this run (0 when the store was current). */
  read: number;
  mode: "current" | "incremental" | "full" | "rewritten" | "empty";
  warnings: string[];
}

/** The identities credited for a commit: its author and co-authors, as "Name <email>". */
export function contributorsOf(commit: Commit): string[] {
  const devs = new Set([`${commit.authorName} <${commit.authorEmail.toLowerCase()}>`]);
  for (const co of commit.coAuthors) {
    const match = /^(.*?)\s*<([^>]*)>\s*$/.exec(co);
    devs.add(match ? `${(match[1] ?? "").trim()} <${(match[2] ?? "").trim().toLowerCase()}>` : co.trim());
  }
  return [...devs];
}

/** Checks that `repo` is a git repository (bare or not); throws GitError with a clear message otherwise. */
export function checkRepository(repo: string): void {
  if (gitTry(repo, ["rev-parse", "--git-dir"]) === undefined) {
    throw new GitError(`${repo} is not a git repository (or git cannot read it)`);
  }
}

export async function mineRepository(options: MineOptions, attempt = 1): Promise<MineResult> {
  const { repo, store } = options;
  checkRepository(repo);
  const warnings: string[] = [];
  const ref = options.branch ?? "HEAD";
  const key = `${realpathSync(repo)}#${ref}`;
  const head = gitTry(repo, ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`])?.trim();
  if (!head) {
    if (
      options.branch !== undefined &&
      gitTry(repo, ["rev-parse", "--verify", "--quiet", "HEAD"]) !== undefined
    ) {
      throw new GitError(`${repo} has no branch or ref "${options.branch}"`);
    }
    warnings.push(`${repo} has no commits yet`);
    return {
      state: { key, head: "", commits: 0, shallow: false, files: new Map() },
      read: 0,
      mode: "empty",
      warnings,
    };
  }
  const shallow = gitSync(repo, ["rev-parse", "--is-shallow-repository"]).trim() === "true";
  if (shallow)
    warnings.push(`${repo} is a shallow clone: history before its cut is missing, so authorship is partial`);

  const stored = await store.load(key);
  if (stored?.head === head) return { state: stored, read: 0, mode: "current", warnings };
  const incremental = stored !== undefined && stored.head !== "" && isAncestor(repo, stored.head, head);
  const range = incremental ? `${stored.head}..${head}` : head;
  // Counting commits costs another walk of the history: only for a progress display.
  const total = options.onProgress ? Number(gitSync(repo, ["rev-list", "--count", range]).trim()) || 0 : 0;

  let accumulator = new HistoryAccumulator();
  let read = 0;
  const walk = async (renames: boolean) => {
    accumulator = new HistoryAccumulator();
    read = 0;
    const parser = new LogParser((commit) => {
      accumulator.add(commit, contributorsOf(commit));
      read++;
      if (read % 1000 === 0) options.onProgress?.(read, total);
    });
    await gitStream(repo, logArgs(range, renames), (chunk) => parser.push(chunk));
    parser.end();
  };
  try {
    await walk(true);
  } catch (error) {
    // Rename detection reads file contents; a partial or damaged clone may lack some.
    if (!(error instanceof GitError) || !/unable to read|missing blob|could not read/i.test(error.message))
      throw error;
    warnings.push(`${repo}: some file contents are missing (a partial clone?), so renames are not followed`);
    await walk(false);
  }
  options.onProgress?.(read, total);

  let files: Map<number, FileState>;
  let changed: Set<number> | undefined;
  if (incremental) {
    files = mergeNewer(stored.files, accumulator.files);
    changed = new Set([...files.keys()].filter((id) => files.get(id) !== stored.files.get(id)));
  } else {
    files = accumulator.files;
  }
  const state: RepoState = { key, head, commits: (incremental ? stored.commits : 0) + read, shallow, files };
  const saved = await store.save(state, stored?.head, changed);
  if (!saved) {
    // Another process stored newer evidence meanwhile: start again from it.
    if (attempt >= 3)
      throw new GitError(`the evidence store for ${repo} keeps changing under this run; try again`);
    return mineRepository(options, attempt + 1);
  }
  const mode = incremental ? "incremental" : stored ? "rewritten" : "full";
  if (mode === "rewritten")
    warnings.push(`${repo}: history was rewritten since the last run; recomputed from scratch`);
  return { state, read, mode, warnings };
}

function isAncestor(repo: string, ancestor: string, head: string): boolean {
  try {
    gitSync(repo, ["merge-base", "--is-ancestor", ancestor, head]);
    return true;
  } catch {
    return false;
  }
}
