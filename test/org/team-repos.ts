/** Test helpers for the organisation: team repositories made from the bundled examples, and `mlteam` processes. */
import assert from "node:assert/strict";
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { cpSync } from "node:fs";
import { join } from "node:path";

const ROOT = join(import.meta.dirname, "..", "..");
export const BIN = join(ROOT, "dist", "cli", "main.js");

/** Runs git in `dir` without the machine's configuration; fails the test when git does. */
export function git(dir: string, ...args: string[]): string {
  const r = spawnSync("git", ["-C", dir, ...args], {
    encoding: "utf8",
    env: { ...process.env, GIT_CONFIG_GLOBAL: "/dev/null", GIT_CONFIG_NOSYSTEM: "1" },
  });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout;
}

/** Commits everything in `dir`. */
export function commit(dir: string, message: string): void {
  git(dir, "add", "-A");
  git(dir, "-c", "user.name=Lead", "-c", "user.email=lead@x.org", "commit", "-q", "-m", message);
}

/** A repository at `folder/name` holding one bundled example as its model (branch main). */
export function teamRepo(folder: string, example: string, name = example): string {
  const dir = join(folder, name);
  cpSync(join(ROOT, "examples", example), dir, { recursive: true });
  git(dir, "init", "-q", "-b", "main");
  commit(dir, "the team model");
  return dir;
}

/**
 * Starts `mlteam <args>` (the built CLI), remembering it in `children` to stop later; resolves with
 * its output once `ready` matches it, rejects if it exits first.
 */
export function startCli(args: string[], ready: RegExp, children: ChildProcess[]): Promise<string> {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ["ignore", "pipe", "pipe"] });
  children.push(child);
  return new Promise((resolve, reject) => {
    let text = "";
    const seen = (d: Buffer) => {
      text += d.toString("utf8");
      if (ready.test(text)) resolve(text);
    };
    child.stdout?.on("data", seen);
    child.stderr?.on("data", seen);
    child.on("exit", (code) => reject(new Error(`mlteam ${args.join(" ")} exited with ${code}: ${text}`)));
  });
}
