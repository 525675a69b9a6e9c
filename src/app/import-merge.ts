/**
 * `mlteam import --into`: imported entries merged into the whole model (every included file),
 * validated before anything is written — an invalid result writes nothing and is an
 * {@link InvalidModelError} with every located problem. A dry run returns the change as a diff.
 */
import { createTwoFilesPatch } from "diff";
import type { MergePlan } from "../importers/merge-model.ts";
import { planModelMerge } from "../importers/merge-model.ts";
import type { Imported } from "../importers/types.ts";
import { acquireFileLock, FileLockBusyError } from "../io/file-lock.ts";
import type { WritableHost } from "../io/fs-host.ts";
import type { ModelHost } from "../model/load.ts";
import { loadValidTeam, type TeamCheck } from "./check-team.ts";
import { ConflictError, InvalidModelError } from "./errors.ts";
import { writeUnlessUnwritable } from "./write-output.ts";

export interface ModelMergeResult extends MergePlan {
  /** The change as a unified diff of every file it touches (empty when nothing changes). */
  diff: string;
  /** Whether the files were written (never in a dry run, nor when nothing changes). */
  written: boolean;
}

/**
 * Merges `imported` into the model at `into` (already loaded and valid: `check`); writes the files
 * that change unless `dryRun`. Throws {@link InvalidModelError} when the merged model would not validate.
 */
export async function mergeIntoWholeModel(
  into: string,
  check: TeamCheck,
  imported: Imported,
  context: { host: WritableHost; today: string; dryRun?: boolean },
): Promise<ModelMergeResult> {
  // Each file as the merge was planned on it: checked again, under its lock, before it is replaced.
  const planned = new Map<string, string>();
  const read = (file: string) => {
    if (!planned.has(file)) planned.set(file, context.host.readFile(file) ?? "");
    return planned.get(file) as string;
  };
  const plan = planModelMerge(check.model, into, read, imported);
  const diff = [...plan.files]
    .map(([file, text]) => createTwoFilesPatch(file, file, read(file), text, "", "", { context: 2 }))
    .join("");
  if (plan.files.size === 0) return { ...plan, diff, written: false };
  const overlay: ModelHost = {
    ...context.host,
    readFile: (file) => plan.files.get(file) ?? context.host.readFile(file),
  };
  try {
    await loadValidTeam(into, { host: overlay, today: context.today });
  } catch (error) {
    if (error instanceof InvalidModelError)
      throw new InvalidModelError(
        error.diagnostics,
        `${into} after the import (nothing was written; the problems are in the merged files)`,
      );
    throw error;
  }
  if (context.dryRun) return { ...plan, diff, written: false };
  await writeLocked(context.host, plan.files, planned);
  return { ...plan, diff, written: true };
}

/** Writes each file under its lock, after checking that it is still the text the merge was planned on. */
async function writeLocked(
  host: WritableHost,
  files: ReadonlyMap<string, string>,
  planned: ReadonlyMap<string, string>,
) {
  const locks = [];
  try {
    for (const file of files.keys()) locks.push(await acquireFileLock(file));
    for (const file of files.keys())
      if ((host.readFile(file) ?? "") !== planned.get(file))
        throw new ConflictError(`${file} changed while importing; run the import again`);
    for (const [file, text] of files) writeUnlessUnwritable(() => host.writeFile(file, text));
  } catch (error) {
    if (error instanceof FileLockBusyError) throw new ConflictError(`${error.message}; try again`);
    throw error;
  } finally {
    for (const lock of locks) lock.release();
  }
}
