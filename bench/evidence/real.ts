/**
 * bench/evidence/real: `mlteam evidence` as a user runs it — the whole process, built CLI, fresh
 * store — on real repositories, each beside its floor measured in the same run:
 *
 *   cold        median of 3 cold runs at HEAD, against `git log -z --name-status -M` (median of 3;
 *               `-M100%`, exact renames, in a partial clone, as mlteam reads it)
 *   re-run      the run after one new commit (HEAD~1 mined first, then HEAD), as a share of cold
 *   memory      mlteam's own peak RSS, against git's peak on the same walk
 *   fixed cost  a cold run on a generated 100-commit repository, against `mlteam --version`
 *
 *   npm run build && npm run bench:evidence:real -- /path/to/numpy /path/to/git …
 *
 * Each repository is read through a shared bare clone in a temporary folder (its objects are not
 * copied; the repository you pass is never written to), whose branch is moved from HEAD~1 to HEAD.
 * Targets (issue #14): cold ≤ 1.3× the floor; fixed cost ≤ 2× --version; re-run ≤ 10% of cold;
 * peak ≤ git's + 150 MB.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { lacksBlobs } from "../../src/evidence/mine.ts";
import { generateRepository } from "./generate-repo.ts";

const CLI = join(import.meta.dirname, "..", "..", "dist", "cli", "main.js");
const RSS = join(import.meta.dirname, "report-rss.mjs");
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const ms = (x: number) => `${x.toFixed(0)} ms`;

function git(dir: string, ...args: string[]): string {
  const r = spawnSync("git", ["-C", dir, ...args], { encoding: "utf8", maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`git ${args.join(" ")}: ${r.stderr}`);
  return r.stdout;
}

/** Wall time and peak RSS (KB) of a command, through GNU time. */
function timed(cwd: string, command: string[]): { ms: number; peakKB: number; stderr: string } {
  const report = join(cwd, `time-${process.hrtime.bigint()}.txt`);
  const start = performance.now();
  const r = spawnSync("/usr/bin/time", ["-f", "%M", "-o", report, ...command], {
    cwd,
    stdio: ["ignore", "ignore", "pipe"],
    encoding: "utf8",
  });
  const elapsed = performance.now() - start;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${command.join(" ")}: ${r.stderr}`);
  return {
    ms: elapsed,
    peakKB: Number(readFileSync(report, "utf8").trim().split("\n").at(-1)),
    stderr: r.stderr,
  };
}

/**
 * A cold or repeated `mlteam evidence` run: wall time, and mlteam's own peak (its git child apart)
 * when `memory` (through a preloaded module, which costs a little time: left out for the fixed cost).
 */
function mlteam(cwd: string, repo: string, memory = true): { ms: number; ownMB: number } {
  const run = timed(cwd, [
    process.execPath,
    ...(memory ? ["--import", RSS] : []),
    CLI,
    "evidence",
    "--repo",
    repo,
    "--format",
    "json",
  ]);
  const own = /mlteam-rss-kb=(\d+)/.exec(run.stderr);
  return { ms: run.ms, ownMB: Number(own?.[1] ?? 0) / 1024 };
}

function benchRepository(source: string): void {
  const work = mkdtempSync(join(tmpdir(), "mlteam-bench-real-"));
  try {
    const clone = join(work, "repo.git");
    spawnSync("git", ["clone", "-q", "--bare", "--shared", source, clone]);
    const head = git(clone, "rev-parse", "HEAD").trim();
    const previous = git(clone, "rev-parse", `${head}^1`).trim();
    git(clone, "update-ref", "refs/heads/mlteam-bench", head);
    git(clone, "symbolic-ref", "HEAD", "refs/heads/mlteam-bench");
    // The floor reads what mlteam reads: renames followed, or exact renames only in a partial clone.
    const renames = lacksBlobs(git(clone, "rev-parse", "--path-format=absolute", "--git-common-dir").trim())
      ? "-M100%"
      : "-M";
    const floors: number[] = [];
    const gitPeaks: number[] = [];
    const colds: { ms: number; ownMB: number }[] = [];
    const reruns: number[] = [];
    for (let i = 0; i < 3; i++) {
      const floor = timed(work, ["git", "-C", clone, "log", "-z", "--name-status", renames, "HEAD"]);
      floors.push(floor.ms);
      gitPeaks.push(floor.peakKB / 1024);
      const cold = join(work, `cold-${i}`);
      spawnSync("mkdir", ["-p", cold]);
      colds.push(mlteam(cold, clone));
      // The re-run: mine HEAD~1, then the one new commit.
      const again = join(work, `again-${i}`);
      spawnSync("mkdir", ["-p", again]);
      git(clone, "update-ref", "refs/heads/mlteam-bench", previous);
      mlteam(again, clone);
      git(clone, "update-ref", "refs/heads/mlteam-bench", head);
      reruns.push(mlteam(again, clone).ms);
    }
    const floor = median(floors);
    const cold = median(colds.map((c) => c.ms));
    const rerun = median(reruns);
    const own = Math.max(...colds.map((c) => c.ownMB));
    const gitPeak = Math.max(...gitPeaks);
    const commits = git(clone, "rev-list", "--count", "HEAD").trim();
    console.log(`\n${source} (${commits} commits, HEAD ${head.slice(0, 10)})`);
    console.log(`  git log -z --name-status ${renames.padEnd(6)} ${ms(floor)}   (median of 3)`);
    console.log(`  mlteam evidence, cold        ${ms(cold)}   ${(cold / floor).toFixed(2)}× the floor`);
    console.log(
      `  re-run after one new commit  ${ms(rerun)}   ${((rerun / cold) * 100).toFixed(0)}% of cold`,
    );
    console.log(`  peak memory                  mlteam ${own.toFixed(0)} MB, git ${gitPeak.toFixed(0)} MB`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function fixedCost(): void {
  const work = mkdtempSync(join(tmpdir(), "mlteam-bench-fixed-"));
  try {
    const repo = join(work, "repo");
    generateRepository(repo, 100);
    const versions: number[] = [];
    const colds: number[] = [];
    for (let i = 0; i < 5; i++) {
      versions.push(timed(work, [process.execPath, CLI, "--version"]).ms);
      const dir = join(work, `cold-${i}`);
      spawnSync("mkdir", ["-p", dir]);
      colds.push(mlteam(dir, repo, false).ms);
    }
    const version = median(versions);
    const cold = median(colds);
    console.log("\nfixed cost (a generated 100-commit repository)");
    console.log(`  mlteam --version             ${ms(version)}   (median of 5)`);
    console.log(`  mlteam evidence, cold        ${ms(cold)}   ${(cold / version).toFixed(2)}× --version`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

console.log(`bench/evidence/real — node ${process.version}, ${new Date().toISOString()}`);
fixedCost();
for (const repo of process.argv.slice(2)) benchRepository(repo);
