/**
 * bench/evidence: mining a repository's history, against the floor of `git log --name-status -M`
 * on the same repository in the same run; then the incremental run after one new commit, and
 * peak memory. Without a repository argument it generates a synthetic one (no network).
 *
 *   npm run bench:evidence                      # a generated 50k-commit repository
 *   npm run bench:evidence -- --commits 80000
 *   npm run bench:evidence -- /path/to/repo     # a real repository (it is only read… except
 *                                               # that the incremental step needs a new commit,
 *                                               # so it is skipped for repositories you pass)
 *
 * Targets (issue #4): cold ≤ 1.3× the git floor; incremental ≤ 5% of cold; ≤ 400 MB at 80k commits.
 */
import { spawnSync } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import { join } from "node:path";
import { LOG_FORMAT } from "../../src/evidence/log-parser.ts";
import { generateRepository } from "./generate-repo.ts";

const args = process.argv.slice(2);
const commitsIndex = args.indexOf("--commits");
const commits = commitsIndex === -1 ? 50_000 : Number(args[commitsIndex + 1]);
const given = args.find((a, i) => !a.startsWith("--") && args[i - 1] !== "--commits");
const OUT = join(import.meta.dirname, "..", "out");
const repo = given ?? join(OUT, `evidence-repo-${commits}`);
if (!given && !existsSync(repo)) {
  console.log(`generating ${commits} commits in ${repo} …`);
  generateRepository(repo, commits);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const ms = (x: number) => `${x.toFixed(0)} ms`;

function gitFloor(): number {
  const start = performance.now();
  const r = spawnSync(
    "git",
    ["-C", repo, "log", "-z", "--name-status", "-M", `--format=${LOG_FORMAT}`, "HEAD"],
    {
      stdio: ["ignore", "ignore", "inherit"],
    },
  );
  if (r.status !== 0) throw new Error("git log failed");
  return performance.now() - start;
}

/** The same log read through a pipe by `cat`: what any consumer of git's output pays at least. */
function pipedFloor(): number {
  const start = performance.now();
  const r = spawnSync(
    "sh",
    ["-c", 'git -C "$0" log -z --name-status -M "$1" HEAD | cat > /dev/null', repo, `--format=${LOG_FORMAT}`],
    {
      stdio: ["ignore", "ignore", "inherit"],
    },
  );
  if (r.status !== 0) throw new Error("git log | cat failed");
  return performance.now() - start;
}

function mine(db: string): { ms: number; commits: number; read: number; mode: string; peakMB: number } {
  const r = spawnSync(
    process.execPath,
    ["--import", "tsx", join(import.meta.dirname, "mine-once.ts"), repo, db],
    {
      encoding: "utf8",
      maxBuffer: 1 << 20,
    },
  );
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout);
}

console.log(`bench/evidence — node ${process.version}, ${new Date().toISOString()}\nrepository ${repo}`);
const floors: number[] = [];
const piped: number[] = [];
const colds: ReturnType<typeof mine>[] = [];
for (let i = 0; i < 3; i++) {
  floors.push(gitFloor());
  piped.push(pipedFloor());
  const db = join(OUT, `evidence-store-${i}`, "evidence.db");
  rmSync(join(OUT, `evidence-store-${i}`), { recursive: true, force: true });
  colds.push(mine(db));
}
const floor = median(floors);
const cold = median(colds.map((c) => c.ms));
const peak = Math.max(...colds.map((c) => c.peakMB));
console.log(`commits                 ${colds[0]?.commits}`);
console.log(`git log floor           ${ms(floor)} (median of 3; output to /dev/null)`);
console.log(`git log | cat          ${ms(median(piped))} (median of 3; the same output through a pipe)`);
console.log(
  `mlteam cold             ${ms(cold)} (median of 3, fresh store each) — ${(cold / floor).toFixed(2)}× the floor`,
);
console.log(`peak memory             ${peak.toFixed(0)} MB`);

let incremental: number | undefined;
if (!given) {
  const stamp = String(Date.now());
  spawnSync("git", [
    "-C",
    repo,
    "-c",
    "user.name=Bench",
    "-c",
    "user.email=bench@example.com",
    "commit",
    "-q",
    "--allow-empty",
    "-m",
    `bench ${stamp}`,
  ]);
  const inc = mine(join(OUT, "evidence-store-0", "evidence.db"));
  incremental = inc.ms;
  console.log(
    `incremental, 1 commit   ${ms(inc.ms)} (${inc.mode}, ${inc.read} read) — ${((inc.ms / cold) * 100).toFixed(1)}% of cold`,
  );
}

console.log("\ntargets");
const check = (label: string, ok: boolean, detail: string) =>
  console.log(`${ok ? "✔" : "✖"} ${label}: ${detail}`);
check("cold ≤ 1.3× git floor", cold <= 1.3 * floor, `${(cold / floor).toFixed(2)}×`);
if (incremental !== undefined)
  check(
    "incremental ≤ 5% of cold",
    incremental <= 0.05 * cold,
    `${((incremental / cold) * 100).toFixed(1)}%`,
  );
if ((colds[0]?.commits ?? 0) >= 80_000)
  check("≤ 400 MB at 80k commits", peak <= 400, `${peak.toFixed(0)} MB`);
