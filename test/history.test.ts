/**
 * The team over time: `mlteam history` and `mlteam diff` on a repository where the model went
 * through real commits (a person added, the sponsor removed, an invalid commit, a RACI row fixed).
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { RepoBuilder } from "./evidence/repo-builder.ts";
import { TODAY } from "./helpers.ts";

const ROOT = join(import.meta.dirname, "..");
const BIN = join(ROOT, "dist", "cli", "main.js");
const ann = { name: "Ann Lee", email: "ann@x.org" };
const base = readFileSync(join(ROOT, "examples", "first-use-case", "mlteam.yaml"), "utf8");
let repo: RepoBuilder;
let model: string;

const run = (args: string[], cwd = repo.dir) => {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", MLTEAM_TODAY: TODAY },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

before(() => {
  assert.ok(existsSync(BIN), "build first: npm run build");
  repo = new RepoBuilder();
  mkdirSync(join(repo.dir, "team"));
  model = join(repo.dir, "team", "mlteam.yaml");
  writeFileSync(join(repo.dir, "README.md"), "not the model\n");
  writeFileSync(model, base);
  repo.commit(ann, "the first use case");
  writeFileSync(
    model,
    base.replace(
      "people:\n",
      "people:\n  - { id: omar, name: Omar Haddad, roles: [mlops-engineer], skills: { cloud-devops: 3, containerization: 3, monitoring-logging: 3, infrastructure-as-code: 2, mlops-knowledge: 3 } }\n",
    ),
  );
  repo.commit(ann, "add Omar");
  const noSponsor = readFileSync(model, "utf8")
    .replace(/stakeholders:\n {2}- kind: executive-sponsor\n(?: {4}.*\n)+/, "")
    .replace(
      "      - { role: executive-sponsor, allocation: 5 }\n",
      "      - { role: business-analyst, allocation: 5 }\n",
    )
    .replace(/ {2}- activity: executive-sponsorship\n(?: {4}.*\n)+/, "");
  writeFileSync(model, noSponsor);
  repo.commit(ann, "Rosa steps back as sponsor");
  writeFileSync(join(repo.dir, "README.md"), "a change elsewhere\n");
  repo.commit(ann, "not the model");
  writeFileSync(model, `${noSponsor}people: [oops\n`);
  repo.commit(ann, "a broken edit");
  writeFileSync(
    model,
    noSponsor.replace(
      "    R: data-engineer\n    A: data-engineer",
      "    R: [data-engineer, mlops-engineer]\n    A: data-engineer",
    ),
  );
  repo.commit(ann, "Omar backs up the data pipeline");
});
after(() => repo.remove());

interface Point {
  commit: string;
  valid: boolean;
  score?: number;
  appeared: string[];
  disappeared: string[];
  diagnostics?: { line: number; message: string }[];
  cached?: boolean;
}

describe("mlteam history", () => {
  it("gives a point per commit that changed the model, with what each commit did", () => {
    const r = run(["history", "team", "--format", "json", "--no-cache"]);
    assert.equal(r.code, 0, r.stderr);
    const { points } = JSON.parse(r.stdout) as { points: Point[] };
    assert.equal(points.length, 5, "the commit that changed only the README is not a point");
    const [first, omar, sponsor, broken, backup] = points as [Point, Point, Point, Point, Point];
    assert.ok(first.appeared.includes("risk/single-point-of-failure"));
    assert.ok(
      omar.score !== undefined && first.score !== undefined && omar.score > first.score,
      "a second engineer helps",
    );
    assert.deepEqual(sponsor.appeared, ["leadership/executive-sponsor"]);
    assert.equal(broken.valid, false);
    assert.equal(broken.score, undefined);
    assert.match(broken.diagnostics?.[0]?.message ?? "", /./);
    assert.ok(backup.valid && backup.score !== undefined);
    assert.ok(!existsSync(join(repo.dir, "team", ".mlteam")), "--no-cache writes nothing");
    assert.equal(repo.git("status", "--porcelain"), "", "the work tree is untouched");
  });

  it("caches each version, so a re-run checks only new commits", () => {
    const first = JSON.parse(run(["history", "team", "--format", "json"]).stdout) as { points: Point[] };
    assert.ok(first.points.every((p) => !p.cached));
    const again = JSON.parse(run(["history", "team", "--format", "json"]).stdout) as { points: Point[] };
    assert.ok(again.points.every((p) => p.cached));
    assert.deepEqual(
      again.points.map(({ cached: _c, ...p }) => p),
      first.points.map(({ cached: _c, ...p }) => p),
    );
    rmSync(join(repo.dir, "team", ".mlteam"), { recursive: true, force: true });
  });

  it("filters by date and count, and writes CSV and text", () => {
    const csv = run(["history", "team", "--format", "csv", "--max", "2", "--no-cache"]);
    assert.equal(csv.stdout.trim().split("\n").length, 3);
    assert.match(csv.stdout.split("\n")[0] ?? "", /^commit,date,author,valid,score,coverage,risk,/);
    const text = run(["history", "team", "--no-cache"]);
    assert.match(text.stdout, /^The model over 5 commits \(oldest first\)$/m);
    assert.match(text.stdout, /\+ leadership\/executive-sponsor/);
    assert.equal(run(["history", "team", "--since", "1/2/2026"]).code, 2);
  });

  it("names a model path that does not exist, for history and for diff", () => {
    const missing = run(["history", "nope.yaml", "--format", "json"]);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /no model at nope\.yaml/);
    assert.equal(JSON.parse(missing.stdout).valid, false);
    const diff = run(["diff", "nope.yaml", "team/mlteam.yaml"]);
    assert.equal(diff.code, 2);
    assert.match(diff.stderr, /no model file nope\.yaml \(nor a commit of that name in /);
  });

  it("says so when the model is not in a git repository", () => {
    const dir = mkdtempSync(join(tmpdir(), "mlteam-nogit-"));
    try {
      writeFileSync(join(dir, "mlteam.yaml"), base);
      const r = run(["history", join(dir, "mlteam.yaml")], dir);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /the model's history needs git: .* is not in a git repository/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("a renamed model file", () => {
  it("is followed through the rename by history and diff", () => {
    const moved = new RepoBuilder();
    try {
      mkdirSync(join(moved.dir, "team"));
      writeFileSync(join(moved.dir, "team", "model.yaml"), base);
      moved.commit(ann, "the model");
      moved.git("mv", "team/model.yaml", "team/mlteam.yaml");
      moved.commit(ann, "renamed");
      writeFileSync(join(moved.dir, "team", "mlteam.yaml"), `${base}# reviewed\n`);
      moved.commit(ann, "reviewed");
      const r = run(["history", "team/mlteam.yaml", "--format", "json", "--no-cache"], moved.dir);
      assert.equal(r.code, 0, r.stderr);
      const { points } = JSON.parse(r.stdout) as { points: Point[] };
      assert.equal(points.length, 3);
      assert.ok(
        points.every((p) => p.valid),
        JSON.stringify(points.map((p) => p.diagnostics)),
      );
      const d = run(["diff", "HEAD~2..HEAD", "team/mlteam.yaml", "--format", "json"], moved.dir);
      assert.equal(d.code, 0, d.stderr);
    } finally {
      moved.remove();
    }
  });
});

describe("a model that includes a file outside its folder", () => {
  it("has a point for every commit that changed the included file", () => {
    const shared = new RepoBuilder();
    try {
      mkdirSync(join(shared.dir, "team"));
      mkdirSync(join(shared.dir, "shared"));
      writeFileSync(
        join(shared.dir, "team", "mlteam.yaml"),
        "organisation: { name: S, stage: starting }\ninclude: [../shared/people.yaml]\n",
      );
      writeFileSync(
        join(shared.dir, "shared", "people.yaml"),
        "people: [{ id: ann, name: Ann, roles: [data-scientist] }]\n",
      );
      shared.commit(ann, "the model");
      writeFileSync(
        join(shared.dir, "shared", "people.yaml"),
        "people: [{ id: ann, name: Ann, roles: [data-scientist] }, { id: bo, name: Bo, roles: [data-engineer] }]\n",
      );
      shared.commit(ann, "Bo joins (in the shared file)");
      const r = run(["history", "team", "--format", "json", "--no-cache"], shared.dir);
      assert.equal(r.code, 0, r.stderr);
      const { points } = JSON.parse(r.stdout) as { points: (Point & { people: number })[] };
      assert.deepEqual(
        points.map((p) => p.people),
        [1, 2],
      );
    } finally {
      shared.remove();
    }
  });
});

describe("mlteam diff", () => {
  it("lists what a commit did, matched by rule and subject, and exits 1 when it adds an error", () => {
    const r = run(["diff", "HEAD~4..HEAD~3", "team", "--format", "json"]);
    assert.equal(r.code, 1, r.stderr);
    const d = JSON.parse(r.stdout) as {
      added: { ruleId: string; severity: string }[];
      resolved: unknown[];
      score: { before: number; after: number };
      raci: { activity: string; column: string; before: string; after: string }[];
      people: { id: string; change: string }[];
    };
    assert.deepEqual(
      d.added.map((f) => f.ruleId),
      ["leadership/executive-sponsor"],
    );
    assert.ok(d.score.after < d.score.before);
    assert.ok(
      d.raci.some((c) => c.activity === "executive-sponsorship" && c.before === "A" && c.after === ""),
    );
    assert.deepEqual(
      d.people.map((p) => [p.id, p.change]),
      [["rosa", "changed"]],
    );
  });

  it("compares a commit with the working copy, and a branch from its merge base", () => {
    const same = run(["diff", "HEAD", "team"]);
    assert.equal(same.code, 0, same.stderr);
    assert.match(same.stdout, /health (\d+) → \1 \(±0\) · 0 findings added · 0 resolved/);
    const branch = run(["diff", "HEAD~2...HEAD", "team", "--format", "markdown"]);
    assert.equal(branch.code, 0, branch.stderr);
    assert.match(branch.stdout, /^### mlteam diff — HEAD~2\.\.\.HEAD \(merge base [0-9a-f]{10}\) → HEAD$/m);
    assert.match(branch.stdout, /<details><summary>RACI cells \(1\)<\/summary>/);
    assert.match(branch.stdout, /data-ingestion × mlops-engineer: – → R/);
  });

  it("fails on warnings when asked, and names a ref that does not exist", () => {
    const warn = run(["diff", "HEAD~5..HEAD~4", "team", "--fail-on", "warn"]);
    assert.equal(warn.code, 1);
    const missing = run(["diff", "nope..HEAD", "team"]);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /no commit "nope"/);
    const broken = run(["diff", "HEAD~1..HEAD", "team"]);
    assert.equal(broken.code, 2);
    assert.match(broken.stderr, /the model at HEAD~1 does not validate: team\/mlteam\.yaml:\d+:\d+/);
  });

  it("compares two files without git", () => {
    const dir = mkdtempSync(join(tmpdir(), "mlteam-two-"));
    try {
      writeFileSync(join(dir, "old.yaml"), base);
      writeFileSync(
        join(dir, "new.yaml"),
        base.replace(/stakeholders:\n {2}- kind: executive-sponsor\n(?: {4}.*\n)+/, ""),
      );
      const r = run(["diff", "old.yaml", "new.yaml", "--format", "json"], dir);
      assert.ok(r.code === 0 || r.code === 1, r.stderr);
      assert.equal((JSON.parse(r.stdout) as { base: string }).base, "old.yaml");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
