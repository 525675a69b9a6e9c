/**
 * Runs git on repositories we do not trust: argument arrays only, and every setting through which a
 * repository could make git run a program of its choosing is overridden on the command line.
 * Nothing is ever written to the repository.
 */
import { spawn, spawnSync } from "node:child_process";
import { LOG_FORMAT } from "./log-parser.ts";

/** `-c` overrides that keep a hostile repository's config from running anything or changing output. */
const SAFE_CONFIG = [
  "core.hooksPath=/dev/null",
  "core.fsmonitor=false",
  "core.pager=cat",
  "core.quotePath=false",
  "core.sshCommand=false",
  "core.askPass=false",
  "diff.external=",
  "diff.renameLimit=100000",
  "log.showSignature=false",
  "log.follow=false",
  "log.showRoot=true",
  // .mailmap is applied by mlteam, from the analysed commit (src/evidence/mailmap.ts).
  "log.mailmap=false",
  "gpg.program=false",
  "credential.helper=",
  "protocol.allow=never",
].flatMap((setting) => ["-c", setting]);

const SAFE_ENV: NodeJS.ProcessEnv = {
  GIT_TERMINAL_PROMPT: "0",
  GIT_OPTIONAL_LOCKS: "0",
  GIT_CONFIG_NOSYSTEM: "1",
  GIT_NO_REPLACE_OBJECTS: "1",
  GIT_PAGER: "cat",
  // git log flushes its output after every commit when writing to a pipe; one buffer at a time is
  // much cheaper to read (numpy: 31,000 reads of 300 bytes otherwise).
  GIT_FLUSH: "0",
  PAGER: "cat",
  LC_ALL: "C",
};

/** An error running git: the repository is not one, or git failed. */
export class GitError extends Error {}

function env(): NodeJS.ProcessEnv {
  const clean: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    // Variables that would redirect git elsewhere or make it run something.
    if (
      /^GIT_(DIR|WORK_TREE|EXEC_PATH|EXTERNAL_DIFF|SSH|SSH_COMMAND|ASKPASS|CONFIG.*|INDEX_FILE|OBJECT_DIRECTORY|ALTERNATE_OBJECT_DIRECTORIES|NAMESPACE|CEILING_DIRECTORIES)$/.test(
        key,
      )
    )
      continue;
    clean[key] = value;
  }
  return { ...clean, ...SAFE_ENV };
}

/** Runs a short git command and returns its stdout; throws GitError with git's message on failure. */
export function gitSync(repo: string, args: readonly string[]): string {
  const result = spawnSync("git", ["-C", repo, ...SAFE_CONFIG, "--no-pager", ...args], {
    encoding: "utf8",
    env: env(),
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error) throw new GitError(`cannot run git: ${result.error.message}`);
  if (result.status !== 0) throw new GitError(result.stderr.trim().split("\n")[0] || `git ${args[0]} failed`);
  return result.stdout;
}

/** Runs git with `input` on its stdin and returns its stdout as bytes (e.g. `cat-file --batch`). */
export function gitSyncInput(repo: string, args: readonly string[], input: string): Buffer {
  const result = spawnSync("git", ["-C", repo, ...SAFE_CONFIG, "--no-pager", ...args], {
    input,
    env: env(),
    maxBuffer: 1024 * 1024 * 1024,
  });
  if (result.error) throw new GitError(`cannot run git: ${result.error.message}`);
  if (result.status !== 0)
    throw new GitError(result.stderr.toString("utf8").trim().split("\n")[0] || `git ${args[0]} failed`);
  return result.stdout;
}

/**
 * Runs a short git command without blocking (several at once on many repositories), with `input` on
 * its stdin when given; its stdout as bytes, or a GitError with git's message.
 */
export function gitAsync(repo: string, args: readonly string[], input?: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn("git", ["-C", repo, ...SAFE_CONFIG, "--no-pager", ...args], {
      env: env(),
      stdio: [input === undefined ? "ignore" : "pipe", "pipe", "pipe"],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout?.on("data", (chunk: Buffer) => out.push(chunk));
    child.stderr?.on("data", (chunk: Buffer) => err.push(chunk));
    child.once("error", (error) => reject(new GitError(`cannot run git: ${error.message}`)));
    child.once("close", (code) => {
      if (code === 0) resolve(Buffer.concat(out));
      else
        reject(
          new GitError(Buffer.concat(err).toString("utf8").trim().split("\n")[0] || `git ${args[0]} failed`),
        );
    });
    if (input !== undefined) child.stdin?.end(input);
  });
}

/** Like {@link gitSync}, but returns undefined instead of throwing. */
export function gitTry(repo: string, args: readonly string[]): string | undefined {
  try {
    return gitSync(repo, args);
  } catch {
    return undefined;
  }
}

/** Streams a git command's stdout chunk by chunk; resolves when git exits successfully. */
export function gitStream(
  repo: string,
  args: readonly string[],
  onChunk: (chunk: Buffer) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn("git", ["-C", repo, ...SAFE_CONFIG, "--no-pager", ...args], {
      env: env(),
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stdout.on("data", onChunk);
    child.stderr.on("data", (d: Buffer) => {
      if (stderr.length < 4096) stderr += d.toString("utf8");
    });
    child.on("error", (error) => reject(new GitError(`cannot run git: ${error.message}`)));
    child.on("close", (code) => {
      if (code === 0) resolve();
      else reject(new GitError(stderr.trim().split("\n")[0] || `git ${args[0]} exited with ${code}`));
    });
  });
}

/**
 * How renames are followed: `all` (git's rename detection, which reads file contents for inexact
 * renames), `exact` (renames of unchanged files, found by object id: no contents read — for
 * partial clones) or `none`.
 */
export type RenameMode = "all" | "exact" | "none";

/** The arguments of the history walk: names and statuses only, renames followed, merges without diffs. */
export function logArgs(range: string, renames: RenameMode = "all"): string[] {
  return [
    "log",
    // Children before parents, and a branch's commits together rather than interleaved by date: so
    // reading `A` then `A..B` is reading `B` (test/evidence/algorithm.test.ts), and the history can
    // be read in two ranges at once.
    "--topo-order",
    "-z",
    "--name-status",
    renames === "all" ? "-M" : renames === "exact" ? "-M100%" : "--no-renames",
    "--no-ext-diff",
    "--no-textconv",
    "--no-color",
    `--format=${LOG_FORMAT}`,
    range,
    "--",
  ];
}

/**
 * `-c` overrides for git commands that reach other machines (cloning or fetching a team's
 * repository): hooks, fsmonitor and external programs stay off; only https, ssh, git and file
 * transports are allowed (never `ext::`); credentials come from the helper the operator configured
 * (global config) or the environment, and git never prompts.
 */
const NETWORK_CONFIG = [
  "core.hooksPath=/dev/null",
  "core.fsmonitor=false",
  "core.pager=cat",
  "diff.external=",
  "gpg.program=false",
  "protocol.allow=never",
  "protocol.https.allow=always",
  "protocol.http.allow=always",
  "protocol.ssh.allow=always",
  "protocol.git.allow=always",
  "protocol.file.allow=always",
].flatMap((setting) => ["-c", setting]);

/** Runs a git command that may use the network (clone, fetch); throws GitError with git's message. */
export function gitNetwork(cwd: string, args: readonly string[], timeoutMs = 600_000): string {
  const result = spawnSync("git", [...NETWORK_CONFIG, ...args], {
    cwd,
    encoding: "utf8",
    env: env(),
    timeout: timeoutMs,
    maxBuffer: 16 * 1024 * 1024,
  });
  if (result.error) throw new GitError(`cannot run git: ${result.error.message}`);
  if (result.status !== 0)
    throw new GitError(result.stderr.trim().split("\n").at(-1) || `git ${args[0]} failed (${result.status})`);
  return result.stdout;
}
