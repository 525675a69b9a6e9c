/**
 * bench/org/doctor: `mlteam org doctor` — the whole organisation checked as one model, no server and
 * no database — over N generated team repositories (bench/org/generate.ts: every tenth team a
 * platform serving the nine after it, leads reporting across repositories, people shared between
 * neighbouring teams), with the built CLI as a user runs it:
 *
 *   first run            `org doctor --format json` with nothing kept: every tree read from git
 *                                                                        target ≤ 30 s at 500 teams
 *   again                the same with the trees kept from the first run (median of 3)
 *   one changed team     `org doctor --team <id>` after one repository changed (median of 3)
 *                                                                        target ≤ 2 s
 *   baseline             `mlteam doctor` of that one team's model alone, in the same run
 *
 *   npm run build && npm run bench:org:doctor              # 500 teams
 *   npm run bench:org:doctor -- --teams 100
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BIN } from "../../test/org/team-repos.ts";
import { changeTeam, generateTeams } from "./generate.ts";

const arg = process.argv.indexOf("--teams");
const TEAMS = arg > 0 ? Number(process.argv[arg + 1]) : 500;
const RUNS = 3;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

/** Runs the built CLI; its wall time in ms and its output. */
function timed(args: string[]): { ms: number; stdout: string; status: number | null } {
  const t = performance.now();
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8", maxBuffer: 1 << 30 });
  const ms = performance.now() - t;
  if (r.status !== 0 && r.status !== 1)
    throw new Error(`mlteam ${args.join(" ")} exited ${r.status}: ${r.stderr}`);
  return { ms, stdout: r.stdout, status: r.status };
}

function main(): void {
  console.log(`bench/org/doctor — ${TEAMS} teams, node ${process.version}, ${new Date().toISOString()}`);
  const work = mkdtempSync(join(tmpdir(), "mlteam-bench-org-doctor-"));
  try {
    let t = performance.now();
    const repos = generateTeams(work, TEAMS, 2);
    console.log(`generated ${TEAMS} repositories in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    const config = join(work, "mlteam-org.yaml");
    writeFileSync(config, `name: Bench\nsources:\n${repos.map((r) => `  - repo: ${r}`).join("\n")}\n`);

    const whole: number[] = [];
    let summary = "";
    let cold = 0;
    for (let i = 0; i < RUNS + 1; i++) {
      const run = timed(["org", "doctor", "--config", config, "--format", "json"]);
      if (i === 0) cold = run.ms;
      else whole.push(run.ms);
      const doc = JSON.parse(run.stdout) as {
        teams: { valid: boolean; findings: unknown[] }[];
        findings: unknown[];
      };
      summary = `${doc.teams.length} teams (${doc.teams.filter((x) => x.valid).length} valid), ${doc.teams.reduce((n, x) => n + x.findings.length, 0)} team findings, ${doc.findings.length} across teams`;
    }
    const one = 7 % TEAMS;
    changeTeam(repos[one] as string, one);
    const single: number[] = [];
    const baseline: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      single.push(
        timed(["org", "doctor", "--config", config, "--team", `team-${one}`, "--format", "json"]).ms,
      );
      baseline.push(timed(["doctor", repos[one] as string, "--format", "json"]).ms);
    }
    t = median(whole);
    const s = median(single);
    const b = median(baseline);
    console.log(summary);
    console.log(
      `first run            ${(cold / 1000).toFixed(2)} s (${(cold / TEAMS).toFixed(1)} ms a team)   target ≤ 30 s at 500 teams: ${cold <= 30_000 ? "met" : "NOT met"}`,
    );
    console.log(
      `again (trees kept)   median ${(t / 1000).toFixed(2)} s (${(t / TEAMS).toFixed(1)} ms a team)`,
    );
    console.log(
      `one changed team     median ${(s / 1000).toFixed(2)} s   target ≤ 2 s: ${s <= 2000 ? "met" : "NOT met"}`,
    );
    console.log(
      `baseline             \`mlteam doctor\` of that team alone: median ${(b / 1000).toFixed(2)} s (one team in the organisation: ${(s / b).toFixed(1)}×)`,
    );
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main();
