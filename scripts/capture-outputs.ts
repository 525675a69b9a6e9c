// Captures what the built CLI prints for every example — doctor, validate, whatif, recommend, raci, history,
// diff, evidence, export and audit in every format — into a folder, so a refactor can show its outputs are
// byte-identical: `node --import tsx scripts/capture-outputs.ts <out-dir>`, then `diff -r` two captures.
// History, diff and evidence read a repository built here with fixed authors and dates (always the same commits).
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { RepoBuilder } from "../test/evidence/repo-builder.ts";

const root = join(import.meta.dirname, "..");
const out = process.argv[2] ?? "";
if (!out) throw new Error("usage: capture-outputs.ts <out-dir>");
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const cli = join(root, "dist/cli/main.js");
const env = { ...process.env, MLTEAM_TODAY: "2026-12-07", NO_COLOR: "1", FORCE_COLOR: "0" };

function run(name: string, args: string[], cwd = root): void {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd, env, maxBuffer: 1 << 28 });
  writeFileSync(join(out, `${name}.out`), r.stdout);
  writeFileSync(join(out, `${name}.err`), `${r.stderr.toString()}\nexit ${r.status}\n`);
}

// A repository holding the Meghan story's model in three versions, with files its activities name.
const repoDir = "/tmp/mlteam-capture-repo";
rmSync(repoDir, { recursive: true, force: true });
const repo = new RepoBuilder(repoDir);
const meghan = { name: "Meghan Ortiz", email: "meghan@example.com" };
const raj = { name: "Raj Patel", email: "raj@example.com" };
const model = readFileSync(join(root, "examples/meghan-story/mlteam.yaml"), "utf8");
repo.write("mlteam.yaml", model).write("pipelines/train.py").write("Dockerfile").commit(meghan, "model");
repo.write("features/build.py").write(".github/workflows/ci.yml").commit(raj, "pipelines");
repo
  .write("mlteam.yaml", model.replace(/\n\s*- id: [^\n]+\n[\s\S]*?(?=\n\s*- id:)/, ""))
  .commit(meghan, "edit");
repo.write("infra/main.tf").write("monitoring/drift.py").commit(raj, "infra");
repo.write("mlteam.yaml", `${model}\n# reviewed\n`).commit(raj, "back");

for (const example of readdirSync(join(root, "examples")).sort()) {
  const path = `examples/${example}`;
  for (const format of ["text", "json", "markdown", "sarif"])
    run(`${example}.doctor.${format}`, ["doctor", path, "-f", format]);
  run(`${example}.doctor.explain`, ["doctor", path, "--explain"]);
  for (const format of ["text", "json"])
    run(`${example}.validate.${format}`, ["validate", path, "-f", format]);
  for (const format of ["text", "json"]) {
    run(`${example}.whatif-rank.${format}`, ["whatif", path, "--rank", "-f", format]);
    run(`${example}.recommend.${format}`, ["recommend", path, "-f", format]);
  }
  for (const by of ["role", "person"])
    for (const format of ["table", "markdown", "csv", "json"])
      run(`${example}.raci-${by}.${format}`, ["raci", path, "--by", by, "-f", format]);
  for (const format of ["csv", "json", "mermaid", "codeowners", "backstage", "team-api"])
    run(`${example}.export.${format}`, ["export", path, "-f", format]);
  for (const format of ["markdown", "json"])
    for (const framework of ["eu-ai-act", "iso-42001"])
      run(`${example}.audit-${framework}.${format}`, ["audit", path, "--framework", framework, "-f", format]);
}
// What-ifs that need the names of the Meghan story's people.
const meghanPath = "examples/meghan-story";
const firstPerson = /people:\s*\n\s*- id: (\S+)/.exec(model)?.[1] ?? "meghan";
for (const format of ["text", "json"]) {
  run(`whatif-without.${format}`, ["whatif", meghanPath, "--without", firstPerson, "-f", format]);
  run(`whatif-add.${format}`, ["whatif", meghanPath, "--add", "mlops-engineer", "-f", format]);
  run(`whatif-none.${format}`, ["whatif", meghanPath, "-f", format]);
  run(`whatif-unknown.${format}`, ["whatif", meghanPath, "--without", "nobody", "-f", format]);
}
run("raci-product-unknown", ["raci", meghanPath, "--product", "nope"]);
for (const format of ["text", "json", "csv"])
  run(`history.${format}`, ["history", repoDir, "--no-cache", "-f", format]);
for (const format of ["text", "json", "markdown"])
  run(`diff.${format}`, ["diff", "HEAD~4..HEAD", repoDir, "-f", format]);
rmSync(join(root, meghanPath, ".mlteam"), { recursive: true, force: true });
for (const format of ["text", "json"]) {
  rmSync(join(root, meghanPath, ".mlteam"), { recursive: true, force: true });
  run(`evidence.${format}`, ["evidence", meghanPath, "--repo", repoDir, "-f", format]);
  run(`evidence-explain.${format}`, [
    "evidence",
    meghanPath,
    "--explain",
    "pipelines/train.py",
    "-f",
    format,
  ]);
}
run("invalid.json", ["doctor", "test/nope.yaml", "-f", "json"]);
rmSync(join(root, meghanPath, ".mlteam"), { recursive: true, force: true });
console.log(`captured ${readdirSync(out).length} files in ${out}`);
