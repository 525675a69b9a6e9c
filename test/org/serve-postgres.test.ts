/**
 * Two `mlteam org serve` processes on two ports against one PostgreSQL database both list the
 * same teams, after one `mlteam org sync --db postgres://…` — the commands as a user runs them.
 */
import assert from "node:assert/strict";
import { type ChildProcess, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, it } from "node:test";
import pg from "pg";
import { openSyncQueue } from "../../src/store/org-queue.ts";
import { startPostgres, type TestPostgres } from "./postgres.ts";
import { BIN, startCli, teamRepo } from "./team-repos.ts";

const scratch = mkdtempSync(join(tmpdir(), "mlteam-org-pg-"));
let postgres: TestPostgres | undefined;
const servers: ChildProcess[] = [];
after(async () => {
  for (const s of servers) s.kill();
  await postgres?.stop();
  rmSync(scratch, { recursive: true, force: true });
});

/** Starts `org serve` on a free port; resolves with the port it prints. */
async function serve(config: string, url: string, extra: string[] = []): Promise<number> {
  const text = await startCli(
    ["org", "serve", "--config", config, "--db", url, "--port", "0", "--no-sync", ...extra],
    /http:\/\/127\.0\.0\.1:\d+\//,
    servers,
  );
  return Number(/http:\/\/127\.0\.0\.1:(\d+)\//.exec(text)?.[1]);
}

/** Starts `org worker`; resolves once it says it is taking jobs. */
const worker = (config: string, url: string) =>
  startCli(["org", "worker", "--config", config, "--db", url], /taking sync jobs/, servers);

it("two servers on one PostgreSQL database list the same three teams", async () => {
  postgres = await startPostgres();
  for (const example of ["meghan-story", "central-platform", "embedded-platform"]) teamRepo(scratch, example);
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

it("with PostgreSQL a sync request is queued, one job per team, and two workers take the jobs", async () => {
  assert.ok(postgres, "the first test starts PostgreSQL");
  const admin = new pg.Client({ connectionString: postgres.url });
  await admin.connect();
  await admin.query("CREATE DATABASE queued");
  await admin.end();
  const url = postgres.url.replace("/postgres?", "/queued?");
  const config = join(scratch, "mlteam-org.yaml");
  const port = await serve(config, url, ["--workers", "0"]);
  await Promise.all([worker(config, url), worker(config, url)]);
  const base = `http://127.0.0.1:${port}`;
  const queued = await fetch(`${base}/api/org/sync`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-mlteam-request": "1" },
    body: "{}",
  });
  assert.equal(queued.status, 202);
  assert.deepEqual(await queued.json(), {
    queued: ["meghan-story", "central-platform", "embedded-platform"],
  });
  // The workers poll every half second: wait for the three snapshots.
  const deadline = Date.now() + 60_000;
  let teams: { id: string; commit: string | null }[] = [];
  while (Date.now() < deadline) {
    teams = (await (await fetch(`${base}/api/org/teams`)).json()) as typeof teams;
    if (teams.length === 3 && teams.every((t) => t.commit)) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  assert.deepEqual(teams.map((t) => t.id).sort(), ["central-platform", "embedded-platform", "meghan-story"]);
  assert.ok(teams.every((t) => /^[0-9a-f]{40}$/.test(t.commit ?? "")));
});

it("servers and workers starting together on a new database all open the queue", async () => {
  assert.ok(postgres, "the first test starts PostgreSQL");
  // They all find the queue missing and create it at once: PostgreSQL fails one of the deadlocked
  // transactions, and that process must find the queue rather than fail (or hang).
  for (let round = 0; round < 12; round++) {
    const admin = new pg.Client({ connectionString: postgres.url });
    await admin.connect();
    await admin.query(`CREATE DATABASE together${round}`);
    await admin.end();
    const url = postgres.url.replace("/postgres?", `/together${round}?`);
    const queues = await Promise.all([1, 2, 3, 4, 5, 6].map(() => openSyncQueue(url)));
    await Promise.all(queues.map((q) => q.stop()));
  }
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
