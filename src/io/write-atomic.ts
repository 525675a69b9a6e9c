/**
 * Writes a file so that it is never half-written: a temporary file beside it, flushed, then renamed
 * over it. A symbolic link is followed (its target is replaced, the link stays), and an existing
 * file keeps its mode. Temporary files left by a crashed run are removed the next time.
 */
import {
  closeSync,
  fchmodSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from "node:fs";
import { basename, dirname, join } from "node:path";

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

const TEMP = /^\.(.+)\.mlteam-(\d+)-\d+\.tmp$/;

function tempName(target: string): string {
  return join(dirname(target), `.${basename(target)}.mlteam-${process.pid}-${Date.now()}.tmp`);
}

/** Removes temporary files that a process no longer running left in `dir`. Returns their names. */
export function cleanStaleTemps(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const match = TEMP.exec(name);
    if (!match || processAlive(Number(match[2]))) continue;
    rmSync(join(dir, name), { force: true });
    removed.push(name);
  }
  return removed;
}

/** Whether a process with this pid runs on this machine (one we may not signal does). */
export function processAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function write(path: string, content: string | Buffer): void {
  let target = path;
  let mode: number | undefined;
  try {
    target = realpathSync(path);
    mode = statSync(target).mode & 0o7777;
  } catch {
    mkdirSync(dirname(path), { recursive: true });
  }
  cleanStaleTemps(dirname(target));
  const temp = tempName(target);
  const fd = openSync(temp, "wx", mode ?? 0o666);
  try {
    if (mode !== undefined) fchmodSync(fd, mode); // the umask does not apply: the file keeps its mode
    writeSync(fd, typeof content === "string" ? Buffer.from(content) : content);
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    rmSync(temp, { force: true });
    throw error;
  }
  closeSync(fd);
  try {
    renameSync(temp, target);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}
