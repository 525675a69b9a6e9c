/**
 * bench/org: the organisation server at scale, on PostgreSQL (a cluster started in a temporary
 * folder), with the built CLI as a user runs it:
 *
 *   sync from scratch   N generated team repositories (5–20 people, ~50 commits of model history)
 *                       synced through the job queue by 1, then 2 `org worker` processes (a fresh
 *                       database each): time per team and the speed-up
 *   API under load      GET /api/org/teams and /api/org/findings with 20 concurrent clients
 *                       against one `org serve`: p50 / p99 (target p99 < 100 ms)
 *   re-sync             `org sync` after one product team's repository changed (target ≤ 2 s: that team
 *                       and the platform serving it are checked again, nothing else)
 *
 *   npm run build && npm run bench:org              # 500 teams
 *   npm run bench:org -- --teams 100
 */
import { type ChildProcess, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { startPostgres } from "../../test/org/postgres.ts";
import { BIN, startCli } from "../../test/org/team-repos.ts";
import { changeTeam, generateTeams } from "./generate.ts";

const arg = process.argv.indexOf("--teams");
const TEAMS = arg > 0 ? Number(process.argv[arg + 1]) : 500;
const CLIENTS = 20;
const REQUESTS = 50;

const children: ChildProcess[] = [];
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] as number;
};

const start = (args: string[], ready: RegExp) => startCli(args, ready, children);

async function serve(config: string, url: string): Promise<string> {
  const text = await start(
    ["org", "serve", "--config", config, "--db", url, "--port", "0", "--no-sync", "--workers", "0"],
    /http:\/\/127\.0\.0\.1:\d+\//,
  );
  return /(http:\/\/127\.0\.0\.1:\d+)\//.exec(text)?.[1] as string;
}

async function syncedTeams(base: string): Promise<number> {
  const teams = (await (await fetch(`${base}/api/org/teams`)).json()) as { commit: string | null }[];
  return teams.filter((t) => t.commit).length;
}

async function main(): Promise<void> {
  console.log(`bench/org — ${TEAMS} teams, node ${process.version}, ${new Date().toISOString()}`);
  const work = mkdtempSync(join(tmpdir(), "mlteam-bench-org-"));
  const postgres = await startPostgres();
  try {
    let t = performance.now();
    const repos = generateTeams(work, TEAMS);
    console.log(`generated ${TEAMS} repositories in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    const config = join(work, "mlteam-org.yaml");
    writeFileSync(config, `name: Bench\nsources:\n${repos.map((r) => `  - repo: ${r}`).join("\n")}\n`);
    const admin = new pg.Client({ connectionString: postgres.url });
    await admin.connect();

    const perWorkers = new Map<number, number>();
    let base = "";
    let url = "";
    for (const workers of [1, 2]) {
      await admin.query(`CREATE DATABASE bench_${workers}`);
      url = postgres.url.replace("/postgres?", `/bench_${workers}?`);
      base = await serve(config, url);
      await Promise.all(
        Array.from({ length: workers }, () =>
          start(["org", "worker", "--config", config, "--db", url], /taking sync jobs/),
        ),
      );
      t = performance.now();
      const queued = await fetch(`${base}/api/org/sync`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-mlteam-request": "1" },
        body: "{}",
      });
      if (queued.status !== 202) throw new Error(`sync request: ${queued.status} ${await queued.text()}`);
      while ((await syncedTeams(base)) < TEAMS) await new Promise((r) => setTimeout(r, 250));
      const ms = performance.now() - t;
      perWorkers.set(workers, ms);
      console.log(
        `sync from scratch, ${workers} worker${workers > 1 ? "s" : ""}: ${(ms / 1000).toFixed(1)} s, ${(ms / TEAMS).toFixed(0)} ms per team`,
      );
      if (workers === 1) for (const c of children.splice(0)) c.kill();
    }
    console.log(
      `speed-up with 2 workers: ${((perWorkers.get(1) ?? 0) / (perWorkers.get(2) ?? 1)).toFixed(2)}×`,
    );

    // The API under load: 20 clients, each alternating the two views.
    const latencies = new Map<string, number[]>([
      ["/api/org/teams", []],
      ["/api/org/findings", []],
    ]);
    await fetch(`${base}/api/org/teams`); // the first request reads the snapshots; measured apart below
    await Promise.all(
      Array.from({ length: CLIENTS }, async (_, client) => {
        for (let i = 0; i < REQUESTS; i++) {
          const path = (i + client) % 2 ? "/api/org/findings" : "/api/org/teams";
          const s = performance.now();
          const response = await fetch(`${base}${path}`);
          await response.arrayBuffer();
          latencies.get(path)?.push(performance.now() - s);
        }
      }),
    );
    for (const [path, xs] of latencies)
      console.log(
        `GET ${path.padEnd(18)} ${CLIENTS} clients, ${xs.length} requests: p50 ${pct(xs, 50).toFixed(1)} ms, p99 ${pct(xs, 99).toFixed(1)} ms`,
      );
    for (const c of children.splice(0)) c.kill();

    // Re-sync after one product team's repository changed: the whole `org sync` process. The team is
    // checked again, and so is the platform serving it (its check reads the teams it serves).
    changeTeam(repos[7] as string, 7);
    t = performance.now();
    const resync = spawnSync(process.execPath, [BIN, "org", "sync", "--config", config, "--db", url], {
      encoding: "utf8",
    });
    const ms = performance.now() - t;
    console.log(
      `re-sync after one commit in one repository: ${ms.toFixed(0)} ms — ${resync.stdout.trim().split("\n").at(-1)}`,
    );
    await admin.end();
  } finally {
    for (const c of children) c.kill();
    await postgres.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
