/**
 * Where the sync reads a source from: a local repository in place (never written to), or a URL
 * mirrored into the server's data folder — cloned bare the first time (`--mirror`: no working
 * tree), fetched afterwards.
 */
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { GitError, gitNetwork, gitTry } from "../evidence/git.ts";
import type { OrgSource } from "./config.ts";

/** The local git directory to read `source` from, cloning or fetching it first when it is remote. */
export function localRepository(source: OrgSource, dataDir: string): string {
  if (!source.remote) {
    if (!existsSync(source.repo)) throw new GitError(`the repository ${source.repo} does not exist`);
    const looksLikeOne =
      existsSync(join(source.repo, ".git")) ||
      (existsSync(join(source.repo, "HEAD")) && existsSync(join(source.repo, "objects")));
    if (!looksLikeOne && gitTry(source.repo, ["rev-parse", "--git-dir"]) === undefined)
      throw new GitError(`${source.repo} is not a git repository`);
    return source.repo;
  }
  const dir = join(dataDir, "repos", `${source.id}.git`);
  if (existsSync(join(dir, "HEAD"))) {
    gitNetwork(dir, ["fetch", "--quiet", "--prune", "origin"]);
  } else {
    mkdirSync(join(dataDir, "repos"), { recursive: true });
    gitNetwork(dataDir, ["clone", "--quiet", "--mirror", "--", source.repo, dir]);
  }
  return dir;
}

/**
 * The commit `branch` names, read from the repository's files when that is plain (HEAD, or a
 * branch, as a loose ref or in packed-refs) — a re-sync of hundreds of sources then starts no git
 * process for those whose head did not move — and from `git rev-parse` otherwise.
 */
export function headOf(repo: string, branch: string): string | undefined {
  return headFromFiles(repo, branch) ?? gitHead(repo, branch);
}

function gitHead(repo: string, branch: string): string | undefined {
  if (branch.startsWith("-")) return undefined;
  return gitTry(repo, ["rev-parse", "--verify", "--quiet", `${branch}^{commit}`])?.trim() || undefined;
}

const SHA = /^[0-9a-f]{40}$/;

function headFromFiles(repo: string, branch: string): string | undefined {
  const gitDir = existsSync(join(repo, ".git", "HEAD"))
    ? join(repo, ".git")
    : existsSync(join(repo, "HEAD")) && existsSync(join(repo, "objects"))
      ? repo
      : undefined;
  // Worktrees, `.git` files and shared common directories: git knows best.
  if (!gitDir || existsSync(join(gitDir, "commondir"))) return undefined;
  let ref: string;
  if (branch === "HEAD") {
    const head = readText(join(gitDir, "HEAD"));
    if (head === undefined) return undefined;
    if (SHA.test(head)) return head;
    const symbolic = /^ref: (refs\/heads\/[^\s]+)$/.exec(head)?.[1];
    if (!symbolic) return undefined;
    ref = symbolic;
  } else if (
    /^[A-Za-z0-9_][A-Za-z0-9._/-]*$/.test(branch) &&
    !branch.includes("..") &&
    !branch.startsWith("refs/")
  ) {
    ref = `refs/heads/${branch}`;
  } else return undefined;
  const loose = readText(join(gitDir, ref));
  if (loose !== undefined) return SHA.test(loose) ? loose : undefined;
  const packed = readText(join(gitDir, "packed-refs"));
  for (const line of packed?.split("\n") ?? []) {
    const [sha, name] = line.split(" ");
    if (name === ref && sha && SHA.test(sha)) return sha;
  }
  return undefined;
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8").trim();
  } catch {
    return undefined;
  }
}
