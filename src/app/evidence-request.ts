/**
 * What `mlteam evidence` checks before it reads any history: the repositories it was given are
 * repositories (not a model that `--repo` swallowed), and there is at least one to read.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { gitTry } from "../evidence/git.ts";
import { modelRepositories, type RepositorySpec } from "../evidence/model-repositories.ts";
import { DEFAULT_MODEL_FILE } from "../model/load.ts";
import type { Model } from "../model/model.ts";
import { InputError } from "./errors.ts";

/**
 * The repositories named with `--repo`. `--repo` takes every path after it, so a model named after it
 * is caught here: a YAML file is never a repository, and when no model was named nor is here, a
 * model's folder that is not a repository's top was meant as the model.
 */
export function repositoriesGiven(paths: readonly string[], modelless: boolean): RepositorySpec[] {
  for (const path of paths) {
    const file = /\.ya?ml$/i.test(path) && existsSync(path);
    const folder = !file && modelless && existsSync(join(path, DEFAULT_MODEL_FILE)) && !isRepositoryTop(path);
    if (file || folder)
      throw new InputError(
        `--repo ${path}: ${file ? "a YAML file" : "a model's folder"}, not a repository — --repo takes every path after it, so give the model first: mlteam evidence ${path} --repo …`,
      );
  }
  return paths.map((path) => ({ path }));
}

/** An InputError when neither the flags nor the model name a repository to read. */
export function requireSomeRepository(model: Model | undefined, given: readonly RepositorySpec[]): void {
  if (given.length === 0 && modelRepositories(model).length === 0)
    throw new InputError(
      "no repository to read: pass --repo <path> or list them under `evidence.repositories` in the model",
    );
}

/** Whether `path` is the top of a repository (below the top, or outside any, a model's folder was more likely meant as the model). */
function isRepositoryTop(path: string): boolean {
  return gitTry(path, ["rev-parse", "--show-prefix"])?.trim() === "";
}

/** Loads the miner and the store's native module ahead, while the caller reads the model. */
export async function preloadEvidenceMiner(): Promise<void> {
  await Promise.all([import("../evidence/collect.ts"), import("../store/sqlite.ts")]);
}
