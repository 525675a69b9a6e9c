/**
 * An exclusive lock on a file shared by every mlteam process on the machine: a lock file beside it,
 * created with O_EXCL (`wx`), which only one process can create. Whoever holds it may check the
 * file's version and replace it knowing that no other mlteam process writes it meanwhile.
 *
 * A lock left by a process that died (its pid no longer runs on this host), or older than
 * `staleMs`, is taken over: moved aside under a name of our own, then checked to be the one we
 * judged stale (a lock taken meanwhile is put back).
 */
import { randomBytes } from "node:crypto";
import {
  closeSync,
  linkSync,
  openSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from "node:fs";
import { hostname } from "node:os";
import { basename, dirname, join } from "node:path";
import { processAlive, WriteError } from "./write-atomic.ts";

/** Another live process holds the lock and did not let go within the wait. */
export class FileLockBusyError extends Error {
  override name = "FileLockBusyError";
}

export interface FileLock {
  /** The lock file. */
  readonly path: string;
  /** Removes the lock file (only if it is still ours). */
  release(): void;
}

export interface FileLockOptions {
  /** How long to wait for another process to let go (default 2 s). */
  waitMs?: number;
  /** A lock older than this is abandoned, whoever holds it (default 30 s). */
  staleMs?: number;
}

/** The lock file of `target`: `.<name>.mlteam-lock` beside the file a symbolic link points to. */
export function lockFileOf(target: string): string {
  let real = target;
  try {
    real = realpathSync(target);
  } catch {
    // Not there (yet): the lock stands beside the path given.
  }
  return join(dirname(real), `.${basename(real)}.mlteam-lock`);
}

/**
 * Takes the lock on `target`, waiting up to `waitMs` while another live process holds it. Throws
 * {@link FileLockBusyError} when it is still held, a {@link WriteError} when the lock file cannot
 * be created (a read-only folder).
 */
export async function acquireFileLock(target: string, options: FileLockOptions = {}): Promise<FileLock> {
  const path = lockFileOf(target);
  const waitMs = options.waitMs ?? 2000;
  const staleMs = options.staleMs ?? 30_000;
  const deadline = Date.now() + waitMs;
  for (let pause = 5; ; pause = Math.min(pause * 2, 50)) {
    const lock = tryCreate(path);
    if (lock) return lock;
    if (takeOverIfStale(path, staleMs)) continue;
    if (Date.now() >= deadline) throw new FileLockBusyError(`${target} is locked by another process`);
    await new Promise((resolve) => setTimeout(resolve, pause + Math.random() * pause));
  }
}

interface Holder {
  pid: number;
  host: string;
}

function tryCreate(path: string): FileLock | undefined {
  const token = `${process.pid} ${hostname()} ${randomBytes(8).toString("hex")}\n`;
  let fd: number;
  try {
    fd = openSync(path, "wx", 0o644);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EEXIST") return undefined;
    throw new WriteError(`cannot lock ${path}: ${code ?? String(error)}`);
  }
  try {
    writeSync(fd, token);
  } catch (error) {
    closeSync(fd);
    rmSync(path, { force: true });
    throw new WriteError(`cannot lock ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  closeSync(fd);
  return {
    path,
    release() {
      // Never remove a lock that is no longer ours (taken over after `staleMs`). A lock that
      // cannot be removed is not an error of the save it guarded: it goes stale with this process.
      try {
        if (readOrUndefined(path) === token) rmSync(path, { force: true });
      } catch {
        // left for the next writer to take over
      }
    },
  };
}

function readOrUndefined(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return undefined;
  }
}

function parseHolder(text: string): Holder | undefined {
  const [pid, host] = text.split(" ");
  const number = Number(pid);
  return Number.isInteger(number) && number > 0 && host ? { pid: number, host } : undefined;
}

/**
 * Removes the lock at `path` when its holder is gone or it is older than `staleMs`. True when the
 * lock is gone (worth trying again at once), false when it is held.
 */
function takeOverIfStale(path: string, staleMs: number): boolean {
  let seen: { ino: number; mtimeMs: number };
  let text: string;
  try {
    seen = statSync(path);
    text = readFileSync(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return true;
    throw new WriteError(`cannot read the lock ${path}: ${(error as NodeJS.ErrnoException).code}`);
  }
  const holder = parseHolder(text);
  // A lock being written has no holder yet: only its age can make it stale.
  const dead = holder !== undefined && holder.host === hostname() && !processAlive(holder.pid);
  if (!dead && Date.now() - seen.mtimeMs < staleMs) return false;
  const aside = `${path}.${process.pid}-${randomBytes(4).toString("hex")}.stale`;
  try {
    renameSync(path, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return true;
    throw new WriteError(`cannot remove the stale lock ${path}: ${(error as NodeJS.ErrnoException).code}`);
  }
  const moved = readOrUndefined(aside);
  let same = false;
  try {
    same = moved === text && statSync(aside).ino === seen.ino;
  } catch {
    same = false;
  }
  if (!same) {
    // Another process took the lock between our look and the move: give it back.
    try {
      linkSync(aside, path);
    } catch {
      // A third process holds the lock now; the one we moved is its holder's to miss.
    }
  }
  rmSync(aside, { force: true });
  return same;
}
