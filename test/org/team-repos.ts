/** Test helpers for the organisation: team repositories made from the bundled examples, and `mlteam` processes. */
import assert from "node:assert/strict";
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { cpSync, mkdirSync } from "node:fs";
import { createServer, type Socket } from "node:net";
import { join } from "node:path";
import { parseOrgConfig } from "../../src/org/config.ts";
import { createOrgApp } from "../../src/server/org/app.ts";
import { openOrgStore } from "../../src/store/org-store.ts";

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

/**
 * An organisation of two sources in `scratch`: `fraud` (a local repository of the example given) and
 * `stalled`, whose remote accepts the connection and never says a word; its store, the server over it
 * (syncing in worker threads), and how to wait until git is stuck and to hang up.
 */
export async function stalledOrganisation(scratch: string, example = "meghan-story") {
  const sockets: Socket[] = [];
  const remote = createServer((socket) => sockets.push(socket));
  await new Promise<void>((done) => remote.listen(0, "127.0.0.1", done));
  const port = (remote.address() as { port: number }).port;
  mkdirSync(join(scratch, "repos"), { recursive: true });
  teamRepo(join(scratch, "repos"), example, "fraud");
  const text = `name: Acme\nsources:\n  - { id: fraud, repo: repos/fraud }\n  - { id: stalled, repo: "http://127.0.0.1:${port}/team.git" }\n`;
  const parsed = parseOrgConfig(join(scratch, "mlteam-org.yaml"), text);
  assert.ok(parsed.ok);
  const database = join(scratch, "org.db");
  const store = await openOrgStore(database);
  const { app, sync } = createOrgApp({
    store,
    config: parsed.config,
    dataDir: scratch,
    today: () => "2026-12-07",
    embeddedDatabase: database,
  });
  return {
    app,
    sync,
    store,
    /** Resolves once git has connected to the silent remote. */
    async stuck(): Promise<void> {
      while (sockets.length === 0) await new Promise((done) => setTimeout(done, 20));
    },
    /** The remote hangs up: git fails, and the stalled source's sync ends. */
    hangUp(): void {
      for (const socket of sockets) socket.destroy();
      remote.close();
    },
  };
}
