/**
 * bench/history: `mlteam history` on a model with 500 commits of history, against one `mlteam
 * doctor` run of the same model measured in the same run (whole processes, medians).
 *
 *   npm run bench:history              # 500 commits
 *   npm run bench:history -- --commits 100
 *
 * Targets (issue "The team over time"): the first run ≤ 20× one doctor run; a re-run (every version
 * cached) ≤ 2× one doctor run.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generateOrganisation } from "../doctor/generate.ts";

const ROOT = join(import.meta.dirname, "..", "..");
const BIN = join(ROOT, "dist", "cli", "main.js");
const arg = process.argv.indexOf("--commits");
const COMMITS = arg > 0 ? Number(process.argv[arg + 1]) : 500;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};

function git(dir: string, ...args: string[]): void {
  const r = spawnSync("git", ["-c", "commit.gpgsign=false", ...args], {
    cwd: dir,
    env: {
      ...process.env,
      GIT_CONFIG_GLOBAL: "/dev/null",
      GIT_AUTHOR_NAME: "Bench",
      GIT_AUTHOR_EMAIL: "b@x.org",
      GIT_COMMITTER_NAME: "Bench",
      GIT_COMMITTER_EMAIL: "b@x.org",
    },
    encoding: "utf8",
  });
  if (r.status !== 0) throw new Error(`git ${args.join(" ")}: ${r.stderr}`);
}

/** A repository whose model (a 40-person organisation) changed in each of `commits` commits. */
function buildRepo(commits: number): string {
  const dir = mkdtempSync(join(tmpdir(), "mlteam-bench-history-"));
  git(dir, "init", "-q", "-b", "main");
  const base = generateOrganisation(40);
  // Each commit changes one person's allocation, or a RACI row's letters, as real edits do.
  const lines = base.split("\n");
  const allocations = lines.map((l, i) => (/allocation: \d+/.test(l) ? i : -1)).filter((i) => i >= 0);
  for (let c = 0; c < commits; c++) {
    const at = allocations[c % allocations.length] as number;
    lines[at] = (lines[at] as string).replace(/allocation: \d+/, `allocation: ${40 + ((c * 7) % 60)}`);
    writeFileSync(join(dir, "mlteam.yaml"), `# revision ${c}\n${lines.join("\n")}`);
    git(dir, "add", "-A");
    git(
      dir,
      "commit",
      "-q",
      "-m",
      `change ${c}`,
      `--date=${new Date(Date.UTC(2025, 0, 1) + c * 3_600_000).toISOString()}`,
    );
  }
  return dir;
}

function timed(args: string[], cwd: string): number {
  const start = performance.now();
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1" },
  });
  const ms = performance.now() - start;
  if (r.status !== 0 && r.status !== 1) throw new Error(`mlteam ${args.join(" ")}: ${r.stderr}`);
  return ms;
}

console.log(`bench/history — node ${process.version}, ${new Date().toISOString()}`);
const start = performance.now();
const repo = buildRepo(COMMITS);
console.log(
  `built a repository with ${COMMITS} commits of a 40-person model in ${((performance.now() - start) / 1000).toFixed(1)} s`,
);
try {
  const doctor = median(
    Array.from({ length: 5 }, () => timed(["doctor", "mlteam.yaml", "--format", "json"], repo)),
  );
  const first: number[] = [];
  const again: number[] = [];
  for (let i = 0; i < 3; i++) {
    rmSync(join(repo, ".mlteam"), { recursive: true, force: true });
    first.push(timed(["history", "mlteam.yaml", "--format", "json"], repo));
    again.push(timed(["history", "mlteam.yaml", "--format", "json"], repo));
  }
  const f = median(first);
  const a = median(again);
  console.log("\nwhole processes, medians (doctor of 5 runs, history of 3)");
  console.log(`one doctor run                      ${doctor.toFixed(0)} ms`);
  console.log(
    `history, first run (${COMMITS} versions)   ${f.toFixed(0)} ms  = ${(f / doctor).toFixed(1)}× doctor (target ≤ 20×)`,
  );
  console.log(
    `history, re-run (all cached)        ${a.toFixed(0)} ms  = ${(a / doctor).toFixed(1)}× doctor (target ≤ 2×)`,
  );
  console.log(
    `\n${f / doctor <= 20 ? "✔" : "✖"} first run ≤ 20× doctor   ${a / doctor <= 2 ? "✔" : "✖"} re-run ≤ 2× doctor`,
  );
} finally {
  rmSync(repo, { recursive: true, force: true });
  mkdirSync(join(ROOT, "bench", "out"), { recursive: true });
}
