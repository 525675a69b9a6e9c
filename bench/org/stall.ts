/**
 * bench/org/stall: how fast `GET /api/org/teams` answers while a source's remote accepts and never
 * answers (its sync waiting in a worker thread, another team syncing beside it), against the same
 * requests with no sync running, measured in the same run (target: p99 under 100 ms while stalled).
 *
 *   npm run bench:org:stall
 */
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { createServer, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseOrgConfig } from "../../src/org/config.ts";
import { createOrgApp } from "../../src/server/org/app.ts";
import { openOrgStore } from "../../src/store/org-store.ts";
import { teamRepo } from "../../test/org/team-repos.ts";

const REQUESTS = 200;
const scratch = mkdtempSync(join(tmpdir(), "mlteam-bench-stall-"));
const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.ceil((p / 100) * xs.length) - 1] ?? 0;

async function timed(call: () => Response | Promise<Response>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < REQUESTS; i++) {
    const started = performance.now();
    await (await call()).arrayBuffer();
    times.push(performance.now() - started);
  }
  return times;
}

try {
  const sockets: Socket[] = [];
  const stall = createServer((socket) => sockets.push(socket));
  await new Promise<void>((done) => stall.listen(0, "127.0.0.1", done));
  const port = (stall.address() as { port: number }).port;
  mkdirSync(join(scratch, "repos"), { recursive: true });
  teamRepo(join(scratch, "repos"), "embedded-platform", "fraud");
  const text = `name: Acme\nsources:\n  - { id: fraud, repo: repos/fraud }\n  - { id: stalled, repo: "http://127.0.0.1:${port}/team.git" }\n`;
  const parsed = parseOrgConfig(join(scratch, "mlteam-org.yaml"), text);
  if (!parsed.ok) throw new Error("the organisation file does not parse");
  const database = join(scratch, "org.db");
  const store = await openOrgStore(database);
  const { app, sync } = createOrgApp({
    store,
    config: parsed.config,
    dataDir: scratch,
    today: () => "2026-12-07",
    embeddedDatabase: database,
  });
  const call = () => app.request("http://127.0.0.1/api/org/teams");
  await (await call()).arrayBuffer();
  const idle = await timed(call);
  const syncing = sync();
  while (sockets.length === 0) await new Promise((done) => setTimeout(done, 20));
  const stalled = await timed(call);
  for (const socket of sockets) socket.destroy();
  stall.close();
  await syncing;
  await store.close();
  const line = (name: string, xs: number[]) =>
    `${name.padEnd(28)} p50 ${pct(xs, 50).toFixed(1).padStart(6)} ms   p99 ${pct(xs, 99).toFixed(1).padStart(6)} ms`;
  console.log(`GET /api/org/teams, ${REQUESTS} requests each`);
  console.log(line("no sync running (baseline)", idle));
  console.log(line("a source's remote stalled", stalled));
  const p99 = pct(stalled, 99);
  console.log(
    `target p99 < 100 ms while stalled: ${p99 < 100 ? "met" : "NOT met"} (${(p99 / Math.max(0.1, pct(idle, 99))).toFixed(1)}× the baseline's p99)`,
  );
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
