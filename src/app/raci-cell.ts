/**
 * The use case behind a RACI edit in the dashboard: set one cell of the matrix in the YAML file
 * that holds its row, keeping comments, layout and line endings, and refuse when the model changed
 * since the version the caller edited.
 */

import { acquireFileLock, type FileLock, FileLockBusyError } from "../io/file-lock.ts";
import { fsHost } from "../io/fs-host.ts";
import { WriteError } from "../io/write-atomic.ts";
import type { ModelHost } from "../model/load.ts";
import { editRaciCell } from "../model/raci-edit.ts";
import { parseRaciRef } from "../model/raci-ref.ts";
import type { RaciLetter } from "../model/schema.ts";
import { requireValid, type ValidTeamCheck } from "./check-team.ts";
import {
  ConflictError,
  echo,
  InputError,
  NotFoundError,
  PreconditionError,
  UnavailableError,
} from "./errors.ts";
import type { ModelWorkspace } from "./workspace.ts";
import { writeUnlessUnwritable } from "./write-output.ts";

export interface CellChange {
  activity: string;
  /** The product whose own row to edit (created when missing); the team-wide row when omitted. */
  product?: string | undefined;
  /** A role id, or `person:<id>`. */
  column: string;
  letters: "" | "R" | "A" | "C" | "I" | "R/A";
}

export interface CellSaved {
  /** The model's version after the edit. */
  etag: string;
  /** The file that was changed, relative to the model's folder. */
  file: string;
}

export async function setRaciCell(
  workspace: ModelWorkspace,
  change: CellChange,
  ifMatch: string | undefined,
): Promise<CellSaved> {
  if (!ifMatch)
    throw new PreconditionError(
      "send the ETag you edited (If-Match), so that no one else's change is overwritten",
    );
  const { etag, check } = await workspace.current();
  const valid = requireValid(check);
  if (ifMatch !== etag)
    throw new ConflictError(
      "the model changed since you loaded it (someone else edited it); reload and try again",
    );
  const { file, before, after } = planRaciCell(valid, workspace.host, workspace.entry, change);
  const host = workspace.host;
  const saved = await exclusively(host, file, () => {
    // The file may have changed while we computed: check again right before replacing it. Under
    // the lock no other mlteam process writes it between this check and the rename.
    if (workspace.etag() !== etag || host.readFile(file) !== before)
      throw new ConflictError("the model changed while saving; reload and try again");
    writeUnlessUnwritable(() => host.writeFile(file, after));
    return workspace.etag();
  });
  await workspace.current(); // the next read finds the new version checked
  return { etag: saved, file: relativeToModel(file, workspace.entry) };
}

/**
 * Runs `save` holding the lock on `file` that every mlteam process on this machine takes before
 * writing it (src/io/file-lock.ts), so that two servers cannot both save over one version. Only
 * files on disk are locked: another host (a synced model's snapshot) is not written here.
 */
async function exclusively<T>(host: ModelHost, file: string, save: () => T): Promise<T> {
  if (host !== fsHost) return save();
  let lock: FileLock;
  try {
    lock = await acquireFileLock(file);
  } catch (error) {
    if (error instanceof FileLockBusyError) throw new ConflictError("another edit is being saved; try again");
    if (error instanceof WriteError) throw new UnavailableError(error.message);
    throw error;
  }
  try {
    return save();
  } finally {
    lock.release();
  }
}

/** A RACI cell edit worked out on a valid model: the file that holds the row, its text before and after. */
export interface PlannedEdit {
  file: string;
  before: string;
  after: string;
}

/**
 * Works out one RACI cell edit (keeping comments, layout and line endings), without writing: the
 * dashboard's edit writes it; the organisation's "propose change" turns it into a patch.
 */
export function planRaciCell(
  valid: Pick<ValidTeamCheck, "graph" | "model">,
  host: ModelHost,
  entry: string,
  change: CellChange,
): PlannedEdit {
  const { graph, model } = valid;
  if (!graph.activities.has(change.activity)) throw new NotFoundError(`no activity ${echo(change.activity)}`);
  if (change.product !== undefined && !graph.products.has(change.product))
    throw new NotFoundError(`no product ${echo(change.product)}`);
  const written = parseRaciRef(change.column);
  const kind = written.kind ?? "role"; // a bare column id is a role, as in the matrix
  const id = written.id;
  if (kind === "person" ? !graph.people.has(id) : !graph.roles.has(id))
    throw new NotFoundError(`no ${kind} ${echo(id)}`);
  const row = graph.raci.find((e) => e.activity === change.activity && e.product === change.product);
  const origin = row ? model.origin(row.source) : undefined;
  const file = origin?.source.path ?? model.files[0] ?? entry;
  const letters: RaciLetter[] =
    change.letters === "" ? [] : change.letters === "R/A" ? ["R", "A"] : [change.letters];
  const before = host.readFile(file);
  if (before === undefined) throw new ConflictError(`${file} is gone; reload and try again`);
  let after: string;
  try {
    after = editRaciCell(before, origin?.path[1] as number | undefined, {
      activity: change.activity,
      product: change.product,
      column: change.column,
      letters,
    });
  } catch (error) {
    throw new InputError(`${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  // A file written with CRLF line endings keeps them.
  if (before.includes("\r\n")) after = after.replace(/\r?\n/g, "\r\n");
  return { file, before, after };
}

/** A path as the user knows it: relative to the model's folder, never the machine's absolute path. */
export function relativeToModel(file: string, entry: string): string {
  const base = entry.endsWith(".yaml") || entry.endsWith(".yml") ? entry.replace(/[^/]*$/, "") : `${entry}/`;
  return file.startsWith(base) ? file.slice(base.length) : file.replace(/^.*\//, "");
}
