/**
 * bench/dashboard: time to an interactive RACI page at 500 activities × 40 roles in headless
 * Chromium, and the findings endpoint's throughput and p99 latency on loopback (autocannon).
 *
 *   npm run bench:dashboard
 *
 * Targets (issue #5): RACI page ≤ 1.5 s; ≥ 3k requests/s with p99 < 50 ms.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { serve } from "@hono/node-server";
import autocannon from "autocannon";
import { launchChromium } from "../../scripts/chromium.ts";
import { createApp } from "../../src/server/app.ts";

const ROOT = join(import.meta.dirname, "..", "..");
const OUT = join(ROOT, "bench", "out", "dashboard");
mkdirSync(OUT, { recursive: true });

/** 40 roles, one holder each; 500 activities, each with an R, an A and a few C and I. */
function bigModel(): string {
  const roles = Array.from({ length: 40 }, (_, i) => `role-${i}`);
  const lines = ["organisation: { name: Bench Corp, stage: mature }", "roles:"];
  for (const r of roles) lines.push(`  - { id: ${r}, name: Role ${r.slice(5)} }`);
  lines.push("activities:");
  for (let a = 0; a < 500; a++) lines.push(`  - { id: act-${a}, name: Activity ${a} }`);
  lines.push("people:");
  for (const [i, r] of roles.entries()) lines.push(`  - { id: p${i}, name: Person ${i}, roles: [${r}] }`);
  lines.push("raci:");
  for (let a = 0; a < 500; a++) {
    const pick = (k: number) => roles[(a * 7 + k * 13) % roles.length];
    lines.push(
      `  - { activity: act-${a}, R: ${pick(0)}, A: ${pick(1)}, C: [${pick(2)}, ${pick(3)}], I: [${pick(4)}] }`,
    );
  }
  return `${lines.join("\n")}\n`;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

const model = join(OUT, "mlteam.yaml");
writeFileSync(model, bigModel());
const app = createApp({ modelPath: model, today: () => "2026-11-22", webRoot: join(ROOT, "dist", "web") });
const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
await new Promise((r) => server.once("listening", r));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
console.log(`bench/dashboard — node ${process.version}, ${new Date().toISOString()}`);

// Warm the model cache (first load parses and checks it).
await fetch(`${base}api/findings`);

const browser = await launchChromium();
const times: number[] = [];
for (let i = 0; i < 5; i++) {
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  const start = performance.now();
  await page.goto(`${base}#/raci`);
  await page.locator('button[data-activity="act-499"][data-column="role-39"]').waitFor();
  times.push(performance.now() - start);
  await page.close();
}
await browser.close();
const tti = median(times);
console.log(
  `RACI page, 500 activities × 40 roles: ${tti.toFixed(0)} ms to the last cell (median of 5; ${times.map((t) => t.toFixed(0)).join(", ")})`,
);

const result = await autocannon({ url: `${base}api/findings`, connections: 10, duration: 10 });
console.log(
  `GET /api/findings: ${result.requests.average.toFixed(0)} requests/s (average over 10 s, 10 connections), latency p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, ${result.non2xx} non-2xx`,
);
server.close();

console.log("\ntargets");
const check = (label: string, ok: boolean, detail: string) =>
  console.log(`${ok ? "✔" : "✖"} ${label}: ${detail}`);
check("RACI page ≤ 1.5 s", tti <= 1500, `${tti.toFixed(0)} ms`);
check("≥ 3k requests/s", result.requests.average >= 3000, `${result.requests.average.toFixed(0)}/s`);
check("p99 < 50 ms", result.latency.p99 < 50, `${result.latency.p99} ms`);
