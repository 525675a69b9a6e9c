/**
 * Two `mlteam org serve` processes on two ports against one PostgreSQL database both list the
 * same teams, after one `mlteam org sync --db postgres://…` — the commands as a user runs them.
 */
import assert from "node:assert/strict";
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, it } from "node:test";
import { startPostgres, type TestPostgres } from "./postgres.ts";

const ROOT = join(import.meta.dirname, "..", "..");
const BIN = join(ROOT, "dist", "cli", "main.js");
const scratch = mkdtempSync(join(tmpdir(), "mlteam-org-pg-"));
let postgres: TestPostgres | undefined;
const servers: ChildProcess[] = [];
after(async () => {
  for (const s of servers) s.kill();
  await postgres?.stop();
  rmSync(scratch, { recursive: true, force: true });
});

function teamRepo(example: string): void {
  const dir = join(scratch, example);
  cpSync(join(ROOT, "examples", example), dir, { recursive: true });
  const env = { ...process.env, GIT_CONFIG_GLOBAL: "/dev/null", GIT_CONFIG_NOSYSTEM: "1" };
  for (const args of [
    ["init", "-q"],
    ["add", "-A"],
    ["-c", "user.name=L", "-c", "user.email=l@x.org", "commit", "-qm", "m"],
  ])
    assert.equal(spawnSync("git", ["-C", dir, ...args], { env }).status, 0);
}

/** Starts `org serve` on a free port; resolves with the port it prints. */
function serve(config: string, url: string): Promise<number> {
  const child = spawn(
    process.execPath,
    [BIN, "org", "serve", "--config", config, "--db", url, "--port", "0", "--no-sync"],
    {
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  servers.push(child);
  return new Promise((resolve, reject) => {
    let text = "";
    child.stdout?.on("data", (d: Buffer) => {
      text += d.toString("utf8");
      const port = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(text)?.[1];
      if (port) resolve(Number(port));
    });
    child.stderr?.on("data", (d: Buffer) => {
      text += d.toString("utf8");
    });
    child.on("exit", (code) => reject(new Error(`org serve exited with ${code}: ${text}`)));
  });
}

it("two servers on one PostgreSQL database list the same three teams", async () => {
  postgres = await startPostgres();
  for (const example of ["meghan-story", "central-platform", "embedded-platform"]) teamRepo(example);
  const config = join(scratch, "mlteam-org.yaml");
  writeFileSync(
    config,
    "name: Acme ML\nsources:\n  - repo: meghan-story\n  - repo: central-platform\n  - repo: embedded-platform\n",
  );
  const sync = spawnSync(process.execPath, [BIN, "org", "sync", "--config", config, "--db", postgres.url], {
    encoding: "utf8",
  });
  assert.equal(sync.status, 0, sync.stderr);
  assert.match(sync.stdout, /3 sources — 3 synced/);
  const ports = await Promise.all([serve(config, postgres.url), serve(config, postgres.url)]);
  assert.notEqual(ports[0], ports[1]);
  const lists = await Promise.all(
    ports.map(async (port) => {
      const response = await fetch(`http://127.0.0.1:${port}/api/org/teams`);
      assert.equal(response.status, 200);
      return ((await response.json()) as { id: string; score: number }[])
        .map((t) => `${t.id}:${t.score}`)
        .sort();
    }),
  );
  assert.equal(lists[0]?.length, 3);
  assert.deepEqual(lists[0], lists[1]);
});

it("a database that cannot be reached: the server says so at start, exit 2", () => {
  const config = join(scratch, "mlteam-org.yaml");
  const down = spawnSync(
    process.execPath,
    [
      BIN,
      "org",
      "serve",
      "--config",
      config,
      "--db",
      `postgres://mlteam:secret@localhost/postgres?host=${join(scratch, "no-socket")}`,
    ],
    { encoding: "utf8", timeout: 30_000 },
  );
  assert.equal(down.status, 2);
  assert.match(down.stderr, /the database postgres:\/\/mlteam:\*\*\*@localhost\/postgres.* cannot be opened/);
  assert.doesNotMatch(down.stderr, /secret/);
});
