/**
 * One answer everywhere: for a model that lists a repository (so git evidence is part of the
 * check), `mlteam doctor --format json`, `GET /api/findings`, the docs charter and the ranking give
 * the same findings and the same score.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import type { Finding } from "../src/analysis/rule.ts";
import { checkTeam, requireValid } from "../src/app/check-team.ts";
import { gitEvidence } from "../src/app/evidence.ts";
import { rankTeamAbsences } from "../src/app/what-if.ts";
import { fsHost } from "../src/io/fs-host.ts";
import { counts } from "../src/render/verdict.ts";
import { createApp } from "../src/server/app.ts";
import { RepoBuilder } from "./evidence/repo-builder.ts";
import { TODAY } from "./helpers.ts";

const ROOT = join(import.meta.dirname, "..");
const BIN = join(ROOT, "dist", "cli", "main.js");
const dir = mkdtempSync(join(tmpdir(), "mlteam-one-answer-"));
const model = join(dir, "mlteam.yaml");

before(() => {
  const repo = new RepoBuilder(join(dir, "platform"));
  repo.write(".github/workflows/ci.yml", "on: push\n").commit({ name: "Bob Stone", email: "bob@x.org" });
  repo.write("deploy/helm/values.yaml", "a: 1\n").commit({ name: "Bob Stone", email: "bob@x.org" });
  repo.write("train/train.py", "print(1)\n").commit({ name: "Ann Lee", email: "ann@x.org" });
  writeFileSync(
    model,
    `organisation: { name: Evidence Org, stage: scaling, mlProducts: 1 }
people:
  - { id: ann, name: Ann Lee, emails: [ann@x.org], roles: [{ role: mlops-engineer, allocation: 100 }] }
  - { id: cy, name: Cy Moss, emails: [cy@x.org], roles: [{ role: data-scientist, allocation: 100 }] }
teams:
  - { id: ml, type: full-stack, members: [ann, cy] }
raci:
  - { activity: ci-cd-pipeline, R: ann, A: ann }
  - { activity: model-training-code, R: cy, A: cy }
evidence:
  repositories: [{ path: platform }]
`,
  );
});
after(() => rmSync(dir, { recursive: true, force: true }));

const key = (f: { ruleId: string; subject?: string; message: string }) => `${f.ruleId} ${f.message}`;

describe("one answer everywhere", () => {
  it("gives the same findings and score from the CLI, the API and the docs charter", async () => {
    assert.ok(existsSync(BIN), "build first: npm run build");
    const cli = spawnSync(process.execPath, [BIN, "doctor", model, "--format", "json"], {
      encoding: "utf8",
      env: { ...process.env, MLTEAM_TODAY: TODAY, NO_COLOR: "1" },
    });
    assert.ok(cli.status === 0 || cli.status === 1, cli.stderr);
    const fromCli = JSON.parse(cli.stdout) as {
      findings: { ruleId: string; message: string }[];
      score: { overall: number; areas: Record<string, number> };
    };
    // Evidence is part of the check: its rules ran and its area is scored.
    assert.ok(
      fromCli.findings.some((f) => f.ruleId.startsWith("evidence/")),
      JSON.stringify(fromCli.findings),
    );
    assert.ok("evidence" in fromCli.score.areas);

    const app = createApp({ modelPath: model, today: () => TODAY });
    const response = await app.request("/api/findings");
    assert.equal(response.status, 200);
    const fromApi = (await response.json()) as typeof fromCli & { evidence: boolean };
    assert.equal(fromApi.evidence, true);
    assert.deepEqual(fromApi.findings.map(key), fromCli.findings.map(key));
    assert.deepEqual(fromApi.score.overall, fromCli.score.overall);
    assert.deepEqual(fromApi.score.areas, fromCli.score.areas);

    const out = join(dir, "site");
    const docs = spawnSync(process.execPath, [BIN, "docs", model, "--out", out], {
      encoding: "utf8",
      env: { ...process.env, MLTEAM_TODAY: TODAY },
    });
    assert.equal(docs.status, 0, docs.stderr);
    const charter = readFileSync(join(out, "index.md"), "utf8");
    assert.match(charter, new RegExp(`Health \\*\\*${fromCli.score.overall}/100\\*\\*`));
    assert.ok(charter.includes(`; ${counts(fromCli.findings as Finding[])} from \`mlteam doctor\``), charter);
  });

  it("ranks absences with the exact what-ifs of the top five in the CLI and the API alike", async () => {
    const cli = spawnSync(process.execPath, [BIN, "whatif", model, "--rank", "--format", "json"], {
      encoding: "utf8",
      env: { ...process.env, MLTEAM_TODAY: TODAY },
    });
    assert.equal(cli.status, 0, cli.stderr);
    const fromCli = JSON.parse(cli.stdout) as { ranking: { person: string; scoreDelta?: number }[] };
    const app = createApp({ modelPath: model, today: () => TODAY });
    const fromApi = (await (await app.request("/api/rank")).json()) as typeof fromCli;
    assert.deepEqual(fromApi.ranking, fromCli.ranking);
    assert.ok(fromApi.ranking.every((r) => typeof r.scoreDelta === "number"));
    // And the same as the use case called directly.
    const check = requireValid(
      await checkTeam(model, { host: fsHost, today: TODAY, gatherEvidence: gitEvidence }),
    );
    assert.deepEqual(
      rankTeamAbsences(check).ranking.map((r) => [r.person, r.scoreDelta]),
      fromApi.ranking.map((r) => [r.person, r.scoreDelta]),
    );
  });
});
