import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { RepoBuilder } from "./repo-builder.ts";

const BIN = join(import.meta.dirname, "..", "..", "dist", "cli", "main.js");
const meghan = { name: "Meghan Doyle", email: "meghan@acme.example" };
const dan = { name: "Dan Ortiz", email: "dan@acme.example" };

const dir = mkdtempSync(join(tmpdir(), "mlteam-drift-"));
const repo = new RepoBuilder(join(dir, "platform"));
after(() => rmSync(dir, { recursive: true, force: true }));

// Dan writes all the CI; Meghan all the Kubernetes manifests.
for (let i = 0; i < 6; i++) {
  repo.write(`.github/workflows/ci-${i % 3}.yml`, `on: push # ${i}\n`);
  repo.commit(dan);
  repo.write(`deploy/k8s/app-${i % 2}.yaml`, `kind: Deployment # ${i}\n`);
  repo.commit(meghan);
}

writeFileSync(
  join(dir, "mlteam.yaml"),
  `organisation: { name: Acme, stage: scaling }
people:
  - { id: meghan, name: Meghan Doyle, emails: [meghan@acme.example], roles: [mlops-engineer] }
  - { id: dan, name: Dan Ortiz, git: [Dan Ortiz], roles: [data-scientist] }
raci:
  - { activity: ci-cd-pipeline, R: meghan, A: meghan }
  - { activity: k8s-deployment, R: meghan, A: meghan }
  - { activity: data-pipeline, R: dan, A: dan }
evidence:
  repositories: [{ path: platform }]
`,
);

const run = (args: string[]) =>
  spawnSync(process.execPath, [BIN, ...args], {
    cwd: dir,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", MLTEAM_TODAY: "2026-02-01" },
  });

describe("evidence against a model", () => {
  it("mlteam evidence shows who authored each activity, with truck factors", () => {
    const r = run(["evidence"]);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /│ ci-cd-pipeline\s+│ 3\s+│ 1 \(1\)\s+│ Dan Ortiz \(3\)/);
    assert.match(r.stdout, /│ k8s-deployment\s+│ 2\s+│ 1 \(1\)\s+│ Meghan Doyle \(2\)/);
    assert.equal(r.stderr, "", "no progress bar when stderr is not a terminal");
    const again = run(["evidence", "--format", "json"]);
    assert.equal(JSON.parse(again.stdout).runs[0].mode, "current");
  });

  it("the doctor reports the drift between the RACI and the history", () => {
    const r = run(["doctor", "--format", "json"]);
    const findings = JSON.parse(r.stdout).findings as { ruleId: string; message: string }[];
    const evidence = findings
      .filter((f) => f.ruleId.startsWith("evidence/"))
      .map((f) => `${f.ruleId}: ${f.message}`);
    assert.deepEqual(evidence.sort(), [
      "evidence/missing-files: data-pipeline is declared but none of its files are in the listed repositories",
      "evidence/responsible-inactive: Meghan Doyle is Responsible for ci-cd-pipeline but has not changed its files since 2025-03; Dan Ortiz (6) did",
      "evidence/truck-factor-one: the 2 files of k8s-deployment have a truck factor of 1: Meghan Doyle",
      "evidence/truck-factor-one: the 3 files of ci-cd-pipeline have a truck factor of 1: Dan Ortiz",
      "evidence/undeclared-author: Dan Ortiz is a main author of ci-cd-pipeline (3 of 3 files) but neither Responsible nor Accountable",
    ]);
    assert.ok(JSON.parse(r.stdout).score.areas.evidence < 100);
  });

  it("explains how a path is classified, and refuses a path that is not a repository", () => {
    assert.match(
      run(["evidence", "--explain", "infra/main.tf"]).stdout,
      /^infra\/main\.tf → infrastructure-as-code \(pattern "\*\*\/\*\.tf", built-in\)$/m,
    );
    const bad = run(["evidence", "--repo", dir]);
    assert.equal(bad.status, 2);
    // The model here was read; the folder holding it is no repository.
    assert.match(bad.stderr, /is not a git repository/);
    const plain = run(["evidence", "--repo", join(dir, "platform", "..", "nowhere")]);
    assert.equal(plain.status, 2);
    assert.match(plain.stderr, /nowhere does not exist/);
    const folder = mkdtempSync(join(dir, "plain-"));
    const notRepo = run(["evidence", "--repo", folder]);
    assert.equal(notRepo.status, 2);
    assert.match(notRepo.stderr, /is not a git repository/);
  });
});
