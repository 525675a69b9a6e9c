/** Writes a file so that it is never half-written: a temporary file beside it, flushed, then renamed. */
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from "node:fs";
import { dirname } from "node:path";

/** A file that could not be written (a user's path, not a bug): the CLI reports it as an input error. */
export class WriteError extends Error {
  override name = "WriteError";
}

export function writeFileAtomic(path: string, content: string | Buffer): void {
  try {
    write(path, content);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new WriteError(
      `cannot write ${path}: ${code ?? (error instanceof Error ? error.message : String(error))}`,
    );
  }
}

function write(path: string, content: string | Buffer): void {
  mkdirSync(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.${Date.now()}.tmp`;
  const fd = openSync(temp, "wx");
  try {
    writeSync(fd, typeof content === "string" ? Buffer.from(content) : content);
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    rmSync(temp, { force: true });
    throw error;
  }
  closeSync(fd);
  renameSync(temp, path);
}
