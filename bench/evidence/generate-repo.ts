/**
 * Builds a large synthetic repository with `git fast-import` (no network): MLOps-shaped paths
 * (workflows, Dockerfiles, Helm charts, Terraform, DAGs, dbt, notebooks, training and serving code,
 * tests, docs), several authors with their own habits, renames and deletions, one commit per step.
 *
 *   node --import tsx bench/evidence/generate-repo.ts <dir> [commits=50000]
 */
import { spawnSync } from "node:child_process";
import { mkdirSync } from "node:fs";

const AREAS: [string, (i: number) => string][] = [
  ["ci", (i) => `.github/workflows/pipeline-${i % 6}.yml`],
  ["docker", (i) => `services/svc${i % 12}/Dockerfile`],
  ["helm", (i) => `deploy/charts/svc${i % 12}/templates/deployment-${i % 3}.yaml`],
  ["terraform", (i) => `infra/terraform/module${i % 15}/main.tf`],
  ["monitoring", (i) => `monitoring/grafana/dashboards/board${i % 20}.json`],
  ["dags", (i) => `pipelines/dags/ingest_${i % 40}_dag.py`],
  ["dbt", (i) => `warehouse/dbt/models/staging/model_${i % 60}.sql`],
  ["notebooks", (i) => `notebooks/exploration_${i % 80}.ipynb`],
  ["training", (i) => `src/training/train_${i % 50}.py`],
  ["serving", (i) => `src/serving/handler_${i % 30}.py`],
  ["tests", (i) => `tests/test_${i % 120}.py`],
  ["docs", (i) => `docs/guide_${i % 40}.md`],
];

/** Authors and the areas they work in (index into AREAS). */
const AUTHORS: { name: string; email: string; areas: number[] }[] = [
  { name: "Meghan Doyle", email: "meghan@example.com", areas: [0, 1, 2, 3, 4] },
  { name: "Dan Ortiz", email: "dan@example.com", areas: [7, 8, 10] },
  { name: "Sofia Brandt", email: "sofia@example.com", areas: [7, 8, 11] },
  { name: "Li Wei", email: "li@example.com", areas: [5, 6] },
  { name: "Omar Haddad", email: "omar@example.com", areas: [0, 1, 2, 9] },
  { name: "June Park", email: "june@example.com", areas: [5, 6, 10] },
  { name: "Ravi Patel", email: "ravi@example.com", areas: [8, 9, 10, 11] },
  { name: "dependabot[bot]", email: "49699333+dependabot[bot]@users.noreply.github.com", areas: [0, 1] },
];

export function generateRepository(dir: string, commits: number): void {
  mkdirSync(dir, { recursive: true });
  spawnSync("git", ["init", "-q", "-b", "main", dir], { stdio: "inherit" });
  const lines: string[] = [];
  let seed = 42;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  // Half-hourly commits that end on 2026-11-01, so the recent window has activity.
  const start = Date.UTC(2026, 10, 1) / 1000 - commits * 1800;
  for (let c = 1; c <= commits; c++) {
    const author = AUTHORS[Math.floor(random() * AUTHORS.length)] as (typeof AUTHORS)[number];
    const time = start + c * 1800;
    lines.push(
      "commit refs/heads/main",
      `mark :${c}`,
      `author ${author.name} <${author.email}> ${time} +0000`,
      `committer ${author.name} <${author.email}> ${time} +0000`,
    );
    const message = `change ${c}`;
    lines.push(`data ${Buffer.byteLength(message)}`, message);
    if (c > 1) lines.push(`from :${c - 1}`);
    const files = 1 + Math.floor(random() * 4);
    for (let f = 0; f < files; f++) {
      const area = AREAS[
        author.areas[Math.floor(random() * author.areas.length)] as number
      ] as (typeof AREAS)[number];
      const path = area[1](Math.floor(random() * 1000));
      const content = `${path} ${c} ${f}\n`;
      lines.push(`M 100644 inline ${path}`, `data ${Buffer.byteLength(content)}`, content);
    }
    if (c % 997 === 0) lines.push(`R src/training/train_${c % 50}.py src/training/renamed_${c}.py`);
    if (c % 1499 === 0) lines.push(`D docs/guide_${c % 40}.md`);
    lines.push("");
  }
  const result = spawnSync("git", ["-C", dir, "fast-import", "--quiet"], {
    input: lines.join("\n"),
    maxBuffer: 1 << 30,
  });
  if (result.status !== 0) throw new Error(`fast-import failed: ${result.stderr}`);
  spawnSync("git", ["-C", dir, "checkout", "-q", "main"], { stdio: "inherit" });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2];
  if (!dir) throw new Error("usage: generate-repo.ts <dir> [commits]");
  generateRepository(dir, Number(process.argv[3] ?? 50_000));
}
