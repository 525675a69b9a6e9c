/**
 * The per-file measures kept between runs: a re-run after new commits measures only the files
 * they changed, and its report is the report of a cold run — on a branchy history with renames,
 * deletions, reviews, co-authors and a bot, with newcomers, after a change to the model or the
 * options, a new address that changes a developer's id, a new `.mailmap` and a new recent window.
 */
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import Database from "better-sqlite3";
import { type CollectOptions, collectEvidence } from "../../src/evidence/collect.ts";
import type { MeasureCache } from "../../src/evidence/file-facts.ts";
import type { EvidenceStore } from "../../src/evidence/store-port.ts";
import { loadModel } from "../../src/model/load.ts";
import type { Model } from "../../src/model/model.ts";
import { openSqliteStore } from "../../src/store/sqlite.ts";
import { RepoBuilder } from "./repo-builder.ts";

const ann = { name: "Ann Lee", email: "ann@x.org" };
const bob = { name: "Bob Ng", email: "bob@x.org" };
const cy = { name: "Cy Park", email: "cy@x.org" };
const bot = { name: "renovate[bot]", email: "bot@renovateapp.example" };

const scratch = mkdtempSync(join(tmpdir(), "mlteam-measure-cache-"));
after(() => rmSync(scratch, { recursive: true, force: true }));
let stores = 0;
const storeFile = () => join(scratch, `store-${stores++}`, "evidence.db");

function model(people: string): Model {
  const text = `organisation: { name: Acme, stage: scaling }\npeople:\n${people}`;
  const { model, diagnostics } = loadModel("mlteam.yaml", {
    readFile: (path) => (path.endsWith("mlteam.yaml") ? text : undefined),
    listYamlFiles: () => undefined,
  });
  assert.deepEqual(
    diagnostics.filter((d) => d.severity === "error"),
    [],
  );
  return model;
}
const TEAM = model(
  "  - { id: ann, name: Ann Lee, emails: [ann@x.org], roles: [ml-engineer] }\n" +
    "  - { id: cy, name: Cy Park, roles: [data-scientist] }\n",
);

/** A store that records the measures each run saves. */
function spying(store: EvidenceStore, saved: MeasureCache[]): EvidenceStore {
  return {
    load: (key) => store.load(key),
    save: (state, head, changed) => store.save(state, head, changed),
    loadMeasures: (key) => store.loadMeasures(key),
    saveMeasures: (key, cache) => {
      saved.push(cache);
      return store.saveMeasures(key, cache);
    },
    close: () => store.close(),
  };
}

type Run = Omit<CollectOptions, "store" | "today"> & { today?: string };

/** One run into the store at `file`: its report and the measures it saved. */
async function collect(file: string, run: Run) {
  const saved: MeasureCache[] = [];
  const store = spying(await openSqliteStore(file), saved);
  try {
    const { report, runs, warnings } = await collectEvidence({ today: "2026-03-01", ...run, store });
    const [first] = runs;
    return { report, saved, warnings, mode: first?.mode, measured: first?.measured, reused: first?.reused };
  } finally {
    await store.close();
  }
}

/** Several activities, renames, a deletion and a re-add, a side branch, trailers and a bot. */
function history(): { repo: RepoBuilder; mainLine: string[] } {
  const repo = new RepoBuilder();
  repo.write("src/train.py", "a\n").write(".github/workflows/ci.yml", "on: push\n");
  repo.write("deploy/k8s/app.yaml", "kind: Deployment\n").write("docs/index.md", "docs\n");
  repo.commit(ann);
  repo.write("src/train.py", "b\n").commit(bob, "tune", ["Reviewed-by: Cy Park <cy@x.org>"]);
  repo.write("src/features.py", "f\n").commit(cy, "features", ["Co-authored-by: Bob Ng <bob@x.org>"]);
  repo.git("mv", "docs/index.md", "docs/start.md");
  repo.commit(bob);
  repo.git("checkout", "-q", "-b", "side");
  repo.write("src/serve.py", "s\n").commit(ann);
  repo.write("src/train.py", "c\n").commit(cy);
  repo.git("checkout", "-q", "main");
  repo.write(".github/workflows/ci.yml", "on: [push]\n").commit(bot);
  repo.git("-c", "user.name=M", "-c", "user.email=m@x.org", "merge", "-q", "--no-edit", "side");
  repo.git("rm", "-q", "deploy/k8s/app.yaml");
  repo.commit(bob);
  repo.write("deploy/k8s/app.yaml", "kind: Deployment # again\n").commit(cy);
  repo.write("src/features.py", "g\n").commit(ann, "more", ["Acked-by: Bob Ng <bob@x.org>"]);
  const mainLine = repo.git("rev-list", "--first-parent", "--reverse", "main").trim().split("\n");
  return { repo, mainLine };
}

describe("measures kept between runs", () => {
  it("a re-run measures only the changed files and reports what a cold run reports", async () => {
    const { repo, mainLine } = history();
    const runOf = (extra: Run = {}): Run => ({
      model: TEAM,
      repositories: [{ path: repo.dir, branch: "cursor" }],
      onlyGiven: true,
      ...extra,
    });
    let reused = 0;
    let newcomers = 0;
    for (const [i, older] of mainLine.entries()) {
      for (const newer of mainLine.slice(i + 1)) {
        const file = storeFile();
        repo.git("branch", "-f", "cursor", older);
        const first = await collect(file, runOf());
        assert.equal(first.saved.length, 1);
        assert.equal(first.saved[0]?.derivedFrom, undefined, "a cold run measures every file");
        repo.git("branch", "-f", "cursor", newer);
        const again = await collect(file, runOf());
        const cold = await collect(storeFile(), runOf());
        assert.equal(again.mode, "incremental");
        assert.deepEqual(again.report, cold.report, `${older}..${newer}`);
        const derived = again.saved[0]?.derivedFrom;
        // Reused: newcomers here (Bob, the bot) merge with nobody, so every known identity resolves as before.
        assert.ok(derived, `${older}..${newer}: the previous run's measures are reused`);
        reused++;
        if (again.saved[0]?.identities !== first.saved[0]?.identities) newcomers++;
        // Only files the new commits touched were measured again (or dropped).
        const touched = new Set(
          repo
            .git("log", "--name-status", "-M", "--format=", `${older}..${newer}`)
            .split("\n")
            .flatMap((line) => line.split("\t").slice(1)),
        );
        assert.ok(derived.changed.size > 0);
        // The run says so: the files of the tree measured again, the others reused.
        assert.equal((again.measured ?? 0) + (again.reused ?? 0), again.saved[0]?.files.size);
        const present = [...derived.changed].filter((id) => again.saved[0]?.files.has(id));
        assert.equal(again.measured, present.length);
        for (const id of derived.changed) {
          const path = again.saved[0]?.files.get(id)?.path ?? first.saved[0]?.files.get(id)?.path;
          assert.ok(path !== undefined && touched.has(path), `${older}..${newer}: ${path} measured again`);
        }
        // Nothing new: nothing measured, nothing written, the same report.
        const current = await collect(file, runOf());
        assert.equal(current.mode, "current");
        assert.deepEqual(current.saved, []);
        assert.deepEqual(current.report, cold.report);
      }
    }
    assert.equal(reused, (mainLine.length * (mainLine.length - 1)) / 2);
    assert.ok(newcomers > 0, "some re-runs met identities not seen before");
    repo.remove();
  });

  it("measures everything again when what the measures depend on changes", async () => {
    const { repo, mainLine } = history();
    repo.git("branch", "-f", "cursor", mainLine.at(-2) as string);
    const file = storeFile();
    const base: Run = { model: TEAM, repositories: [{ path: repo.dir, branch: "cursor" }], onlyGiven: true };
    await collect(file, base);
    const same = async (run: Run, why: string) => {
      const again = await collect(file, run);
      const cold = await collect(storeFile(), run);
      assert.deepEqual(again.report, cold.report, why);
      assert.equal(again.saved.length, 1, why);
      assert.equal(again.saved[0]?.derivedFrom, undefined, `${why}: nothing reused`);
      return again.report;
    };
    // The model: Bob joins, so his changes are a person's.
    const withBob = model(
      "  - { id: ann, name: Ann Lee, emails: [ann@x.org], roles: [ml-engineer] }\n" +
        "  - { id: cy, name: Cy Park, roles: [data-scientist] }\n" +
        "  - { id: bob, name: Bob Ng, roles: [mlops-engineer] }\n",
    );
    const report = await same({ ...base, model: withBob }, "a person added to the model");
    assert.ok(report.activities.some((a) => a.contributors.some((c) => c.id === "bob" && c.person)));
    // Options: co-authors credited, the code filter, another recent window.
    await same({ ...base, model: withBob, coAuthors: true }, "--co-authors");
    await same({ ...base, model: withBob, filter: "code" }, "--filter code");
    await same({ ...base, model: withBob, today: "2027-06-01" }, "another window");
    // Identities, with the options of the run before: Bob is not in the model (a git identity).
    await collect(file, base);
    repo.git("checkout", "-q", "main");
    repo.git("branch", "-f", "cursor", "main");
    await collect(file, base);
    // A newcomer who merges with nobody: the kept facts hold.
    repo.write("src/train.py", "d\n").commit({ name: "Dee Quinn", email: "dee@x.org" });
    repo.git("branch", "-f", "cursor", "main");
    const newcomer = await collect(file, base);
    assert.deepEqual(newcomer.report, (await collect(storeFile(), base)).report);
    assert.ok(newcomer.saved[0]?.derivedFrom, "a newcomer changes no one else's facts");
    assert.equal(newcomer.measured, 1);
    // A new address of Bob's, merged by name, that becomes his cluster's id (the smallest key):
    // every file naming him changes — everything is measured again.
    repo.write("src/serve.py", "t\n").commit({ name: "Bob Ng", email: "aaa@x.org" });
    repo.git("branch", "-f", "cursor", "main");
    const merged = await same(base, "a new identity that changes another's id");
    const ids = new Set(merged.activities.flatMap((a) => a.contributors.map((c) => c.id)));
    assert.ok(ids.has("git:aaa@x.org") && !ids.has("git:bob@x.org"));
    assert.deepEqual(merged.identities.merged.find((m) => m.id === "git:aaa@x.org")?.seen, [
      "Bob Ng <aaa@x.org>",
      "Bob Ng <bob@x.org>",
    ]);
    // A new .mailmap at the analysed commit.
    repo.write(".mailmap", "Cy Park <cy@x.org> <bob@home.example>\n").commit(ann);
    repo.git("branch", "-f", "cursor", "main");
    await same({ ...base, model: withBob }, "a new .mailmap");
    repo.remove();
  });

  it("measures everything again, with a warning, when the kept measures cannot be read", async () => {
    const { repo, mainLine } = history();
    repo.git("branch", "-f", "cursor", mainLine.at(-2) as string);
    const file = storeFile();
    const run: Run = { model: TEAM, repositories: [{ path: repo.dir, branch: "cursor" }], onlyGiven: true };
    await collect(file, run);
    const db = new Database(file);
    db.prepare(
      "UPDATE file_measures SET facts = '[1, 2' WHERE id = (SELECT min(id) FROM file_measures)",
    ).run();
    db.close();
    repo.git("branch", "-f", "cursor", "main");
    const again = await collect(file, run);
    assert.deepEqual(again.warnings, [
      `${repo.dir}: the measures kept by the last run could not be read; measured again`,
    ]);
    assert.deepEqual(again.report, (await collect(storeFile(), run)).report);
    assert.equal(again.reused, 0);
    // Written whole again: the next run reuses them.
    repo.write("src/train.py", "e\n").commit(ann);
    repo.git("branch", "-f", "cursor", "main");
    const next = await collect(file, run);
    assert.deepEqual(next.warnings, []);
    assert.ok((next.reused ?? 0) > 0);
    repo.remove();
  });
});
