/**
 * Generates team repositories for bench/org: each a model of 5–20 people (roles with allocations,
 * a RACI, skills), about 50 commits of history made with `git fast-import` (one process per
 * repository), and some people shared between neighbouring teams, so that organisation-wide
 * findings exist. Every tenth team is a platform team serving the nine after it (in their own
 * repositories), and each team's first person reports to the platform's lead: the organisation's
 * references cross repositories as real ones do. Deterministic.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { join } from "node:path";

const ROLES = [
  "data-scientist",
  "ml-engineer",
  "data-engineer",
  "mlops-engineer",
  "tech-lead",
  "platform-engineer",
];
const ACTIVITIES = [
  "ci-cd-pipeline",
  "model-training-code",
  "k8s-deployment",
  "monitoring-setup",
  "data-pipeline",
];

function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** The model of team `t` at its `version`-th commit. */
function model(t: number, version: number, total = Number.POSITIVE_INFINITY): string {
  const rand = random(t * 7919 + 17);
  const size = 5 + Math.floor(rand() * 16);
  const lines = [`organisation: { name: Team ${t}, stage: scaling }`, "people:"];
  const ids: string[] = [];
  for (let p = 0; p < size; p++) {
    // The first person of each team also works in the next team: shared people, as in real organisations.
    const shared = p === 0;
    const who = shared ? `shared-${Math.floor(t / 2)}` : `p${t}-${p}`;
    const role = ROLES[(p + t) % ROLES.length] as string;
    const allocation = shared ? 60 : 50 + ((p * 13 + version) % 50);
    // A product team's lead reports to its platform's lead, in another repository.
    const platformLead = `p${t - (t % 10)}-1`;
    const reports = p === 1 && t % 10 !== 0 ? `, reportsTo: ${platformLead}` : "";
    lines.push(
      `  - { id: ${who}, name: Person ${who}, emails: [${who}@acme.example], roles: [{ role: ${role}, allocation: ${allocation} }], skills: { statistics-ml: ${1 + (p % 4)} }${reports} }`,
    );
    ids.push(who);
  }
  const platform = t - (t % 10);
  const isPlatform = t === platform;
  const served = Array.from({ length: 9 }, (_, i) => platform + 1 + i)
    .filter((n) => n < total)
    .map((n) => `team-${n}`);
  lines.push(
    "teams:",
    `  - { id: team-${t}, name: Team ${t}, type: ${isPlatform ? "platform" : "product"}, members: [${ids.join(", ")}], lead: ${ids[1] ?? ids[0]}${isPlatform && served.length > 0 ? `, serves: [${served.join(", ")}]` : ""} }`,
  );
  lines.push("raci:");
  for (const [i, activity] of ACTIVITIES.entries()) {
    const r = ids[i % ids.length] as string;
    const a = ids[(i + 1 + (version % 3)) % ids.length] as string;
    lines.push(`  - { activity: ${activity}, R: ${r}, A: ${a} }`);
  }
  return `${lines.join("\n")}\n`;
}

/** Writes `teams` repositories under `dir` (team-0 … team-N), `commits` commits each. */
export function generateTeams(dir: string, teams: number, commits = 50): string[] {
  const repos: string[] = [];
  for (let t = 0; t < teams; t++) {
    const repo = join(dir, `team-${t}`);
    mkdirSync(repo, { recursive: true });
    spawnSync("git", ["init", "-q", "-b", "main", repo]);
    const stream: string[] = [];
    const start = Date.UTC(2026, 0, 1) / 1000;
    for (let c = 1; c <= commits; c++) {
      const text = model(t, c, teams);
      const message = `model change ${c}`;
      stream.push(
        "commit refs/heads/main",
        `committer Lead <lead@acme.example> ${start + c * 86_400 + t} +0000`,
        `data ${Buffer.byteLength(message)}`,
        message,
        `M 100644 inline mlteam.yaml`,
        `data ${Buffer.byteLength(text)}`,
        text,
      );
    }
    const r = spawnSync("git", ["-C", repo, "fast-import", "--quiet"], { input: `${stream.join("\n")}\n` });
    if (r.status !== 0) throw new Error(`fast-import failed: ${r.stderr}`);
    spawnSync("git", ["-C", repo, "checkout", "-q", "main"]);
    repos.push(repo);
  }
  return repos;
}

/** One more commit in a repository (the re-sync's change). */
export function changeTeam(repo: string, t: number): void {
  const env = {
    ...process.env,
    GIT_CONFIG_GLOBAL: "/dev/null",
    GIT_AUTHOR_NAME: "L",
    GIT_AUTHOR_EMAIL: "l@x.org",
    GIT_COMMITTER_NAME: "L",
    GIT_COMMITTER_EMAIL: "l@x.org",
  };
  spawnSync("sh", ["-c", `cat > mlteam.yaml`], { cwd: repo, input: model(t, 999) });
  spawnSync("git", ["-C", repo, "commit", "-qam", "one more change"], { env });
}
