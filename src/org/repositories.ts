/**
 * Where the sync reads a source from: a local repository in place (never written to), or a URL
 * mirrored into the server's data folder — cloned bare the first time (`--mirror`: no working
 * tree), fetched afterwards.
 */
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { GitError, gitNetwork, gitTry } from "../evidence/git.ts";
import type { OrgSource } from "./config.ts";

/** The local git directory to read `source` from, cloning or fetching it first when it is remote. */
export function localRepository(source: OrgSource, dataDir: string): string {
  if (!source.remote) {
    if (!existsSync(source.repo)) throw new GitError(`the repository ${source.repo} does not exist`);
    if (gitTry(source.repo, ["rev-parse", "--git-dir"]) === undefined)
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
