/**
 * bench/org/stall: how fast `GET /api/org/teams` answers while a source's remote accepts and never
 * answers (its sync waiting in a worker thread, another team syncing beside it), against the same
 * requests with no sync running, measured in the same run (target: p99 under 100 ms while stalled).
 *
 *   npm run bench:org:stall
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { stalledOrganisation } from "../../test/org/team-repos.ts";

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
  const { app, sync, store, stuck, hangUp } = await stalledOrganisation(scratch, "embedded-platform");
  const call = () => app.request("http://127.0.0.1/api/org/teams");
  await (await call()).arrayBuffer();
  const idle = await timed(call);
  const syncing = sync();
  await stuck();
  const stalled = await timed(call);
  hangUp();
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
