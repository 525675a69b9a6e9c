/**
 * bench/doctor: validate + doctor on synthetic organisations of 1k, 10k and 100k people, each rule's
 * share of the doctor's time, `whatif --rank` with exact what-ifs for the top five, and the CLI's cold
 * start — each target printed beside its baseline measured in the same run: the doctor as it was
 * before issue #28 (git ref BASELINE_REF, taken from git into bench/out/baseline-<ref>), the what-ifs
 * resolving the model afresh, and bare `node -e 0`. Runs of the two alternate, so that a busy
 * machine slows both alike: compare the ratios when the load average is high.
 *
 *   npm run bench:doctor                        # all sizes
 *   npm run bench:doctor -- --quick             # 1k and 10k only
 *   npm run bench:doctor -- --baseline <ref>    # another baseline; --no-baseline for none
 *
 * Targets (issue #28): validate + doctor on 10k people ≤ 500 ms; 100k ≤ 10× the 10k figure;
 * `whatif --rank` with exact what-ifs for the top five on 10k people ≤ 1.5 s; cold start ≤ 2× bare
 * node + 150 ms (issue #2).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import { join } from "node:path";
import { generateOrganisation } from "./generate.ts";

/** The doctor before issue #28 made it faster. */
const BASELINE_REF = "18c83d8";

const ROOT = join(import.meta.dirname, "..", "..");
const OUT = join(ROOT, "bench", "out");
const args = process.argv.slice(2);
const quick = args.includes("--quick");
const sizes = quick ? [1_000, 10_000] : [1_000, 10_000, 100_000];
const baselineRef = args.includes("--no-baseline")
  ? undefined
  : args.includes("--baseline")
    ? args[args.indexOf("--baseline") + 1]
    : BASELINE_REF;

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};
const ms = (x: number) => (Number.isNaN(x) ? "—" : `${x.toFixed(0)} ms`);
const sec = (x: number) => (Number.isNaN(x) ? "—" : x >= 1000 ? `${(x / 1000).toFixed(2)} s` : ms(x));
const pad = (s: string, n: number) => s.padEnd(n);

/** The baseline's source tree, taken from git once; undefined (said) when it cannot be. */
function baselineTree(ref: string): string | undefined {
  const dir = join(OUT, `baseline-${ref}`);
  if (existsSync(join(dir, "bench", "doctor", "check-once.ts"))) return dir;
  const paths = ["src", "bench/doctor", "package.json", "tsconfig.json"];
  const archive = spawnSync("git", ["archive", ref, ...paths], { cwd: ROOT, maxBuffer: 1 << 30 });
  if (archive.status !== 0) {
    console.log(`(no baseline: git archive ${ref} failed: ${archive.stderr.toString().trim()})`);
    return undefined;
  }
  mkdirSync(dir, { recursive: true });
  const tar = spawnSync("tar", ["-x", "-C", dir], { input: archive.stdout });
  if (tar.status !== 0) throw new Error(`tar failed: ${tar.stderr.toString()}`);
  symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"));
  return dir;
}

/** Runs one of the bench's processes (check-once, rank-once) of `tree` and returns what it printed. */
function once<T>(tree: string, script: string, ...rest: string[]): T {
  const r = spawnSync(process.execPath, ["--import", "tsx", join(tree, "bench", "doctor", script), ...rest], {
    cwd: ROOT,
    encoding: "utf8",
  });
  if (r.status !== 0) throw new Error(`${script} (${tree}) failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as T;
}

interface CheckRun {
  ms: number;
  findings: number;
  rules?: Record<string, number>;
}

interface SizeResult {
  people: number;
  megabytes: number;
  runs: CheckRun[];
  baseline: number[];
  rank: { rankMs: number; totalMs: number }[];
  afresh: number[];
  baselineRank: number[];
}

/** Validate + doctor and the ranking on one size, the new and the baseline alternating. */
function measure(people: number, baseline: string | undefined): SizeResult {
  const dir = join(OUT, `org-${people}`);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, "mlteam.yaml");
  const text = generateOrganisation(people);
  writeFileSync(file, text);
  const big = people >= 100_000;
  const result: SizeResult = {
    people,
    megabytes: text.length / 1e6,
    runs: [],
    baseline: [],
    rank: [],
    afresh: [],
    baselineRank: [],
  };
  for (let i = 0; i < (big ? 3 : 7); i++) {
    result.runs.push(once<CheckRun>(ROOT, "check-once.ts", file));
    if (baseline) result.baseline.push(once<CheckRun>(baseline, "check-once.ts", file).ms);
  }
  for (let i = 0; i < (big ? 1 : 3); i++) {
    result.rank.push(once(ROOT, "rank-once.ts", file));
    if (!big) result.afresh.push(once<{ totalMs: number }>(ROOT, "rank-once.ts", file, "--afresh").totalMs);
    if (baseline) result.baselineRank.push(once<{ totalMs: number }>(baseline, "rank-once.ts", file).totalMs);
  }
  return result;
}

/** Each rule's median time at one size, most costly first, and their share of the rules' time. */
function printRuleShares(r: SizeResult): void {
  const ids = Object.keys(r.runs[0]?.rules ?? {});
  if (ids.length === 0) return;
  const times = ids
    .map((id) => ({ id, ms: median(r.runs.map((run) => run.rules?.[id] ?? 0)) }))
    .sort((a, b) => b.ms - a.ms);
  const total = times.reduce((sum, t) => sum + t.ms, 0);
  const check = median(r.runs.map((run) => run.ms));
  console.log(
    `\nthe rules at ${r.people.toLocaleString("en")} people (medians of ${r.runs.length} runs): ${ms(total)} of the ${ms(check)} check (the rest is reading, parsing, validating and resolving)`,
  );
  console.log(`  ${pad("rule", 38)} ${pad("time", 9)} share`);
  const shown = times.filter((t) => t.ms >= 1).slice(0, 15);
  for (const t of shown)
    console.log(
      `  ${pad(t.id, 38)} ${pad(`${t.ms.toFixed(1)} ms`, 9)} ${((100 * t.ms) / total).toFixed(0)}%`,
    );
  const rest = times.slice(shown.length);
  const restMs = rest.reduce((sum, t) => sum + t.ms, 0);
  console.log(
    `  ${pad(`${rest.length} other rules`, 38)} ${pad(`${restMs.toFixed(1)} ms`, 9)} ${((100 * restMs) / total).toFixed(0)}%`,
  );
}

/** The cold start of `mlteam doctor` on a small example and of bare node, alternating. */
function coldStart(): { bare: number; cli: number } {
  const bin = join(ROOT, "dist", "cli", "main.js");
  const example = join(ROOT, "examples", "first-use-case");
  const spawnTime = (spawnArgs: string[]) => {
    const start = performance.now();
    const r = spawnSync(process.execPath, spawnArgs, { stdio: "ignore" });
    if (r.status !== 0) throw new Error(`${spawnArgs.join(" ")} exited ${r.status}`);
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
  return { bare: median(bare), cli: median(cli) };
}

function main(): void {
  const load = () => `${loadavg()[0]?.toFixed(1)} on ${availableParallelism()} cores`;
  console.log(`bench/doctor — node ${process.version}, ${new Date().toISOString()}, load average ${load()}`);
  const baseline = baselineRef ? baselineTree(baselineRef) : undefined;
  if (baseline) console.log(`baseline: the doctor before issue #28 (${baselineRef}), in ${baseline}`);
  console.log(
    "\nvalidate + doctor: one check per fresh process, as a CLI run does (time inside the process,",
  );
  console.log("excluding Node's start-up and module loading); medians, the new and the baseline alternating");
  console.log("people    file      runs  median    min       baseline  ratio   findings");
  const results: SizeResult[] = [];
  for (const people of sizes) {
    const r = measure(people, baseline);
    results.push(r);
    const times = r.runs.map((run) => run.ms);
    const base = r.baseline.length ? median(r.baseline) : Number.NaN;
    console.log(
      `${pad(String(people), 9)} ${pad(`${r.megabytes.toFixed(1)} MB`, 9)} ${pad(String(times.length), 5)} ${pad(ms(median(times)), 9)} ${pad(ms(Math.min(...times)), 9)} ${pad(ms(base), 9)} ${pad(Number.isNaN(base) ? "—" : `${(median(times) / base).toFixed(2)}×`, 7)} ${r.runs[0]?.findings}`,
    );
  }
  const at10k = results.find((r) => r.people === 10_000);
  if (at10k) printRuleShares(at10k);
  printRanking(results);
  console.log("\ncold start (median of 15 spawns each, alternating)");
  const cold = coldStart();
  console.log(`node -e 0                       ${ms(cold.bare)}`);
  console.log(`mlteam doctor (first-use-case)  ${ms(cold.cli)}`);
  printTargets(results, cold);
  console.log(
    `\nload average at the end: ${load()} — on a busy machine every figure is slower alike; compare the ratios`,
  );
}

function printRanking(results: readonly SizeResult[]): void {
  console.log(
    "\nwhatif --rank: rank everyone, then exact what-ifs for the top five (fresh process; median of 3, 1 at 100k)",
  );
  console.log("people    ranking   re-checked  resolved afresh  baseline");
  for (const r of results) {
    const afresh = r.afresh.length ? median(r.afresh) : Number.NaN;
    const base = r.baselineRank.length ? median(r.baselineRank) : Number.NaN;
    console.log(
      `${pad(String(r.people), 9)} ${pad(ms(median(r.rank.map((t) => t.rankMs))), 9)} ${pad(sec(median(r.rank.map((t) => t.totalMs))), 11)} ${pad(sec(afresh), 16)} ${sec(base)}`,
    );
  }
}

function printTargets(results: readonly SizeResult[], cold: { bare: number; cli: number }): void {
  console.log("\ntargets (each beside its baseline measured in this run)");
  const check = (label: string, ok: boolean, detail: string) =>
    console.log(`${ok ? "✔" : "✖"} ${label}: ${detail}`);
  const of = (people: number) => results.find((r) => r.people === people);
  const doctor = (r: SizeResult | undefined) => (r ? median(r.runs.map((run) => run.ms)) : Number.NaN);
  const base = (r: SizeResult | undefined) => (r?.baseline.length ? median(r.baseline) : Number.NaN);
  const faster = (now: number, was: number) =>
    Number.isNaN(was) ? "no baseline" : `baseline ${sec(was)}, ${(was / now).toFixed(1)}× faster`;
  const t10k = doctor(of(10_000));
  check(
    "validate + doctor on 10k people ≤ 500 ms",
    t10k <= 500,
    `${ms(t10k)} — ${faster(t10k, base(of(10_000)))}`,
  );
  const big = of(100_000);
  if (big) {
    const ratio = doctor(big) / t10k;
    const was = base(big) / base(of(10_000));
    check(
      "100k people ≤ 10× the 10k figure",
      ratio <= 10,
      `${ratio.toFixed(1)}× (${sec(doctor(big))}) — baseline ${Number.isNaN(was) ? "—" : `${was.toFixed(1)}× (${sec(base(big))})`}`,
    );
  }
  const r10k = of(10_000);
  const rank = r10k ? median(r10k.rank.map((t) => t.totalMs)) : Number.NaN;
  const afresh = r10k?.afresh.length ? median(r10k.afresh) : Number.NaN;
  const was = r10k?.baselineRank.length ? median(r10k.baselineRank) : Number.NaN;
  check(
    "whatif --rank with exact what-ifs for the top five on 10k people ≤ 1.5 s",
    rank <= 1500,
    `${sec(rank)} — the same what-ifs resolved afresh ${sec(afresh)}; ${faster(rank, was)}`,
  );
  const budget = 2 * cold.bare + 150;
  check(
    "cold start ≤ 2× bare node + 150 ms",
    cold.cli <= budget,
    `${ms(cold.cli)} vs budget ${ms(budget)} (${(cold.cli / cold.bare).toFixed(2)}× bare)`,
  );
}

main();
