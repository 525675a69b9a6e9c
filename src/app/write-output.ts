/**
 * Writes a file the user asked for — an export, an audit pack, a docs site, an import's result, a new
 * model — atomically (a temporary file, then a rename). A path that cannot be written is the user's to
 * fix: an {@link UnavailableError} naming the path and the reason, never an internal error.
 */
import { WriteError, writeFileAtomic } from "../io/write-atomic.ts";
import { UnavailableError } from "./errors.ts";

export function writeOutput(path: string, content: string | Buffer): void {
  writeUnlessUnwritable(() => writeFileAtomic(path, content));
}

/** Runs a write, turning the writer's failure into the application's {@link UnavailableError}. */
export function writeUnlessUnwritable<T>(write: () => T): T {
  try {
    return write();
  } catch (error) {
    if (error instanceof WriteError) throw new UnavailableError(error.message);
    throw error;
  }
}
