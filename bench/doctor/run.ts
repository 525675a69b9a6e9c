/**
 * bench/doctor: validate + doctor on synthetic organisations of 1k, 10k and 100k people, and
 * the CLI's cold start against bare `node -e 0`, all measured in the same run.
 *
 *   npm run bench:doctor            # all sizes
 *   npm run bench:doctor -- --quick # 1k and 10k only
 *
 * Targets: 10k people ≤ 1 s; 100k / 10k ≤ 12×; cold start ≤ 2× bare node + 150 ms (issue #2);
 * `whatif --rank` on 10k people ≤ 5 s (issue #3).
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { generateOrganisation } from "./generate.ts";

const ROOT = join(import.meta.dirname, "..", "..");
const OUT = join(ROOT, "bench", "out");
const quick = process.argv.includes("--quick");
const sizes = quick ? [1_000, 10_000] : [1_000, 10_000, 100_000];

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};
const ms = (x: number) => `${x.toFixed(0)} ms`;

console.log(`bench/doctor — node ${process.version}, ${new Date().toISOString()}`);
console.log("\nvalidate + doctor: one check per fresh process, as a CLI run does (time inside the process,");
console.log("excluding Node's start-up and module loading); median of the runs");
console.log("people    file      runs  median    min       findings");
const medians = new Map<number, number>();
const rankMedians = new Map<number, { rank: number; total: number }>();
for (const people of sizes) {
  const dir = join(OUT, `org-${people}`);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, "mlteam.yaml");
  const text = generateOrganisation(people);
  writeFileSync(file, text);
  const runs = people >= 100_000 ? 3 : 7;
  const times: number[] = [];
  let findings = 0;
  for (let i = 0; i < runs; i++) {
    const r = spawnSync(
      process.execPath,
      ["--import", "tsx", join(import.meta.dirname, "check-once.ts"), file],
      {
        encoding: "utf8",
      },
    );
    if (r.status !== 0) throw new Error(`check-once failed: ${r.stderr}`);
    const out = JSON.parse(r.stdout) as { ms: number; findings: number };
    times.push(out.ms);
    findings = out.findings;
  }
  medians.set(people, median(times));
  const rankTimes: { rankMs: number; totalMs: number }[] = [];
  for (let i = 0; i < (people >= 100_000 ? 1 : 3); i++) {
    const r = spawnSync(
      process.execPath,
      ["--import", "tsx", join(import.meta.dirname, "rank-once.ts"), file],
      {
        encoding: "utf8",
      },
    );
    if (r.status !== 0) throw new Error(`rank-once failed: ${r.stderr}`);
    rankTimes.push(JSON.parse(r.stdout) as { rankMs: number; totalMs: number });
  }
  rankMedians.set(people, {
    rank: median(rankTimes.map((t) => t.rankMs)),
    total: median(rankTimes.map((t) => t.totalMs)),
  });
  console.log(
    `${String(people).padEnd(9)} ${`${(text.length / 1e6).toFixed(1)} MB`.padEnd(9)} ${String(runs).padEnd(5)} ${ms(median(times)).padEnd(9)} ${ms(Math.min(...times)).padEnd(9)} ${findings}`,
  );
}

console.log(
  "\nwhatif --rank: rank everyone, then exact what-ifs for the top five (fresh process; median of 3, 1 at 100k)",
);
console.log("people    ranking   with top-5 what-ifs");
for (const [people, t] of rankMedians)
  console.log(`${String(people).padEnd(9)} ${ms(t.rank).padEnd(9)} ${ms(t.total)}`);

console.log("\ncold start (median of 15 spawns each, alternating)");
const bin = join(ROOT, "dist", "cli", "main.js");
const example = join(ROOT, "examples", "first-use-case");
const spawnTime = (args: string[]) => {
  const start = performance.now();
  const r = spawnSync(process.execPath, args, { stdio: "ignore" });
  if (r.status !== 0) throw new Error(`${args.join(" ")} exited ${r.status}`);
  return performance.now() - start;
};
const bare: number[] = [];
const cli: number[] = [];
spawnTime(["-e", "0"]);
spawnTime([bin, "doctor", example]);
for (let i = 0; i < 15; i++) {
  bare.push(spawnTime(["-e", "0"]));
  cli.push(spawnTime([bin, "doctor", example]));
}
const bareMedian = median(bare);
const cliMedian = median(cli);
console.log(`node -e 0                       ${ms(bareMedian)}`);
console.log(`mlteam doctor (first-use-case)  ${ms(cliMedian)}`);

console.log("\ntargets");
const check = (label: string, ok: boolean, detail: string) =>
  console.log(`${ok ? "✔" : "✖"} ${label}: ${detail}`);
const t10k = medians.get(10_000) ?? Number.NaN;
check("10k people ≤ 1 s", t10k <= 1000, ms(t10k));
const r10k = rankMedians.get(10_000)?.total ?? Number.NaN;
check("whatif --rank on 10k people ≤ 5 s", r10k <= 5000, ms(r10k));
if (medians.has(100_000)) {
  const ratio = (medians.get(100_000) as number) / t10k;
  check("100k / 10k ≤ 12×", ratio <= 12, `${ratio.toFixed(1)}×`);
  const rankRatio = (rankMedians.get(100_000)?.total ?? Number.NaN) / r10k;
  console.log(`  whatif --rank 100k / 10k: ${rankRatio.toFixed(1)}×`);
}
const budget = 2 * bareMedian + 150;
check(
  "cold start ≤ 2× bare node + 150 ms",
  cliMedian <= budget,
  `${ms(cliMedian)} vs budget ${ms(budget)} (${(cliMedian / bareMedian).toFixed(2)}× bare)`,
);
