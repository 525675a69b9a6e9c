/**
 * `mlteam evidence` at the edges a user meets: a repository named twice, a snapshot measured as of
 * its own day, reviews for one repository, a damaged store, a model given after --repo, a path
 * explained with a repository's own patterns — and `--format json` a whole document even on failure.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { RepoBuilder } from "./repo-builder.ts";

const BIN = join(import.meta.dirname, "..", "..", "dist", "cli", "main.js");
const ann = { name: "Ann Lee", email: "ann@x.org" };
const bob = { name: "Bob Ng", email: "bob@x.org" };

const dir = mkdtempSync(join(tmpdir(), "mlteam-evidence-edges-"));
after(() => process.env.KEEP || rmSync(dir, { recursive: true, force: true }));
// Commits one a day from 2026-01-02: Ann's serving code, Bob's CI.
const one = new RepoBuilder(join(dir, "one"));
one.write("serve/app.py").commit(ann);
one.write(".github/workflows/ci.yml").commit(bob);
one.write("serve/app.py", "v2\n").commit(ann);
const two = new RepoBuilder(join(dir, "two"));
two.write("train.py").commit(bob);
writeFileSync(
  join(dir, "mlteam.yaml"),
  `organisation: { name: Acme, stage: scaling }
people:
  - { id: ann, name: Ann Lee, emails: [ann@x.org], handle: "@ann-gh", roles: [mlops-engineer] }
  - { id: bob, name: Bob Ng, emails: [bob@x.org], roles: [data-scientist] }
evidence:
  repositories:
    - { path: one, patterns: { model-serving: [".github/**"] } }
    - { path: two }
`,
);

const run = (args: string[], cwd = dir) =>
  spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: "utf8",
    // Without a model the store goes to the user's cache folder: this run's own.
    env: { ...process.env, NO_COLOR: "1", MLTEAM_TODAY: "2026-12-01", XDG_CACHE_HOME: join(dir, "cache") },
  });
const json = (args: string[], cwd = dir) => {
  const r = run([...args, "--format", "json"], cwd);
  return { ...r, doc: JSON.parse(r.stdout) };
};

describe("mlteam evidence at its edges", () => {
  it("reads a repository named twice once, with a warning", () => {
    const bare = mkdtempSync(join(dir, "bare-"));
    const r = json(["evidence", "--repo", one.dir, `${one.dir}/`], bare);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.doc.runs.length, 1);
    assert.equal(r.doc.report.repositories[0].files, 2);
    assert.match(r.stderr, /one\/ is the same repository as .*one: read once/);
  });

  it("measures a snapshot as of its own day: the recent window ends there, not today", () => {
    const bare = mkdtempSync(join(dir, "snap-"));
    const today = json(["evidence", "--repo", one.dir], bare).doc.report;
    assert.equal(today.windowStart, "2026-01");
    const snapshot = json(["evidence", "--repo", one.dir, "--at", "2025-12-31"], bare);
    assert.equal(snapshot.status, 2, "no commit on or before that day");
    const byCommit = json(["evidence", "--repo", one.dir, "--at", "HEAD~1"], bare).doc.report;
    // HEAD~1 is Bob's commit of 2026-01-03: twelve months back from January 2026.
    assert.equal(byCommit.windowStart, "2025-02");
    const byDate = json(["evidence", "--repo", one.dir, "--at", "2026-06-30"], bare).doc.report;
    assert.equal(byDate.windowStart, "2025-07");
    const late = json(["evidence", "--repo", one.dir, "--at", "HEAD~1", "--since", "2026-03-01"], bare);
    assert.match(
      late.stderr,
      /--since 2026-03-01 is after the day measured \(2026-01-03\): no one can be active/,
    );
    const sameMonth = json(["evidence", "--repo", one.dir, "--at", "HEAD~1", "--since", "2026-01-15"], bare);
    assert.doesNotMatch(sameMonth.stderr, /no one can be active/, "the window counts whole months");
    const text = run(["evidence", "--repo", one.dir], bare).stdout;
    assert.match(text, /│ truck factor \(active\) │/, "no reviews: no column for them");
  });

  it("takes --reviews for the repository it names, and refuses to spread it over several", () => {
    const reviews = join(dir, "reviews.json");
    writeFileSync(
      reviews,
      JSON.stringify([
        { number: 1, files: ["serve/app.py"], reviews: [{ user: { login: "ann-gh" }, state: "APPROVED" }] },
      ]),
    );
    const several = json(["evidence", "--reviews", reviews]);
    assert.equal(several.status, 2);
    assert.match(
      several.stderr,
      /one repository's reviews and the model lists 2 repositories: name it with --repo/,
    );
    assert.equal(several.doc.valid, false);
    const named = json(["evidence", "--repo", two.dir, "--reviews", reviews]);
    assert.equal(named.status, 0, named.stderr);
    assert.doesNotMatch(named.stderr, /same repository/, "named on the command line to say which one");
    const [first, second] = named.doc.report.repositories;
    assert.equal(first.reviewers, 0, "the model's repositories keep their own (none)");
    assert.equal(second.reviewers, 0, "the export names no file of this repository");
    const wrong = json(["evidence", "--repo", two.dir, "--reviews", join(dir, "mlteam.yaml")]);
    assert.equal(wrong.status, 2);
    assert.match(wrong.stderr, /mlteam\.yaml: not valid JSON \(Unexpected token 'o'\)$/m);
  });

  it("says which evidence store cannot be used, and keeps --format json a document", () => {
    const damaged = mkdtempSync(join(dir, "damaged-"));
    mkdirSync(join(damaged, ".mlteam"));
    writeFileSync(join(damaged, ".mlteam", "evidence.db"), "not a database, only some text ".repeat(20));
    writeFileSync(join(damaged, "mlteam.yaml"), "organisation: { name: Acme, stage: scaling }\n");
    const r = json(["evidence", "mlteam.yaml", "--repo", one.dir], damaged);
    assert.equal(r.status, 2);
    assert.match(
      r.stderr,
      /the evidence store \.mlteam\/evidence\.db cannot be used \(file is not a database\).*delete it/,
    );
    assert.doesNotMatch(r.stderr, /internal error|at .*\.js:\d+/);
    assert.equal(r.doc.valid, false);
    assert.match(r.doc.error, /evidence\.db cannot be used/);
    assert.deepEqual(r.doc.diagnostics, []);
  });

  it("tells a model given after --repo from a repository", () => {
    const r = run(["evidence", "--repo", one.dir, "mlteam.yaml"]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /--repo mlteam\.yaml: a YAML file, not a repository — .*give the model first/);
    // No model named and none in the current folder: the model's folder was swallowed by --repo.
    const elsewhere = mkdtempSync(join(dir, "elsewhere-"));
    const folder = run(["evidence", "--repo", one.dir, dir], elsewhere);
    assert.equal(folder.status, 2);
    assert.match(folder.stderr, /--repo .*: a model's folder, not a repository — .*give the model first/);
    // A model kept in a folder of its repository, named first, reads that repository by the folder.
    const ops = join(one.dir, "ops");
    mkdirSync(ops);
    writeFileSync(join(ops, "mlteam.yaml"), "organisation: { name: Acme, stage: scaling }\n");
    const own = json(["evidence", "mlteam.yaml", "--repo", "."], ops);
    assert.equal(own.status, 0, own.stderr);
    assert.equal(own.doc.report.repositories[0].files, 2);
    rmSync(ops, { recursive: true, force: true });
  });

  it("explains a path with each repository's own patterns, in text and JSON", () => {
    const text = run(["evidence", "--explain", ".github/workflows/x.yml"]).stdout;
    assert.match(text, /^\.github\/workflows\/x\.yml → ci-cd-pipeline \(pattern "[^"]+", built-in\)$/m);
    assert.match(
      text,
      /^in one \(its own patterns first\): \.github\/workflows\/x\.yml → model-serving \(pattern "\.github\/\*\*", repository\)$/m,
    );
    const doc = json(["evidence", "--explain", ".github/workflows/x.yml"]).doc;
    assert.deepEqual(
      doc.answers.map((a: { repository: string | null; matches: { activity: string }[] }) => [
        a.repository,
        a.matches[0]?.activity,
      ]),
      [
        [null, "ci-cd-pipeline"],
        ["one", "model-serving"],
      ],
    );
  });

  it("lists what a .mailmap gathers among the merged identities", () => {
    const mapped = new RepoBuilder(join(dir, "mapped"));
    mapped.write("a.py").commit(ann);
    mapped.write("b.py").commit({ name: "A. Lee", email: "alee@old.org" });
    mapped.write(".mailmap", "Ann Lee <ann@x.org> <alee@old.org>\n").commit(bob);
    const bare = mkdtempSync(join(dir, "mailmap-"));
    const r = run(["evidence", "--repo", mapped.dir, "--explain-identities"], bare);
    assert.equal(r.status, 0, r.stderr);
    assert.match(
      r.stdout,
      /^Merged \(1\): .*\n {2}git:ann@x\.org\n {4}A\. Lee <alee@old\.org>\n {4}Ann Lee <ann@x\.org>$/m,
    );
    const doc = json(["evidence", "--repo", mapped.dir, "--explain-identities"], bare).doc;
    assert.deepEqual(doc.report.identities.merged, [
      { id: "git:ann@x.org", seen: ["A. Lee <alee@old.org>", "Ann Lee <ann@x.org>"] },
    ]);
  });

  it("locates in the model a repository it lists that cannot be read", () => {
    const lost = mkdtempSync(join(dir, "lost-"));
    writeFileSync(
      join(lost, "mlteam.yaml"),
      "organisation: { name: Acme, stage: scaling }\nevidence:\n  repositories:\n    - path: ../one\n    - path: ../gone\n",
    );
    const r = run(["evidence"], lost);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /mlteam\.yaml:5:13: .*gone does not exist/);
  });

  it("refuses a date that names no day", () => {
    for (const [flag, value] of [
      ["--since", "2026-13-01"],
      ["--at", "2026-02-30"],
    ]) {
      const r = json(["evidence", "--repo", one.dir, flag as string, value as string]);
      assert.equal(r.status, 2);
      assert.match(r.stderr, new RegExp(`${flag}: ${value} is not a day of the calendar`));
      assert.equal(r.doc.valid, false);
    }
  });
});
