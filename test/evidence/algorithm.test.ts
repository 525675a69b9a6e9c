/**
 * The truck-factor algorithm as published (Avelino et al., ICPC 2016), rule by rule, with the
 * figures worked out by hand, and the incremental store checked against cold runs on a branchy
 * history.
 */
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { authorsOf, doa } from "../../src/evidence/authorship.ts";
import { makeClassifier } from "../../src/evidence/classify.ts";
import { isCodeFile } from "../../src/evidence/file-filter.ts";
import { makeIdentityResolver } from "../../src/evidence/identities.ts";
import { measureEvidence, resolvedDevs } from "../../src/evidence/measures.ts";
import { mineRepository } from "../../src/evidence/mine.ts";
import { readPullReviews } from "../../src/evidence/read-pull-reviews.ts";
import type { RepoState } from "../../src/evidence/store-port.ts";
import { openSqliteStore } from "../../src/store/sqlite.ts";
import { RepoBuilder } from "./repo-builder.ts";

const ann = { name: "Ann Lee", email: "ann@x.org" };
const bob = { name: "Bob Ng", email: "bob@x.org" };
const cy = { name: "Cy Park", email: "cy@x.org" };
const bot = { name: "dependabot[bot]", email: "49699333+dependabot[bot]@users.noreply.github.com" };

const scratch = mkdtempSync(join(tmpdir(), "mlteam-algorithm-"));
after(() => rmSync(scratch, { recursive: true, force: true }));
let stores = 0;
const newStore = () => openSqliteStore(join(scratch, `store-${stores++}`, "evidence.db"));

/** path → authors (by the DOA rule, identities resolved) for the files of the tree. */
/** Every file of the tree with each developer's FA, DL, latest change and changes per month. */
function statsByPath(state: RepoState): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const f of state.files.values()) {
    if (!f.atHead) continue;
    out[f.path] = [...f.devs]
      .map(([dev, s]) => {
        const months: string[] = [];
        for (let i = 0; i < s.months.length; i += 2) months.push(`${s.months[i]}:${s.months[i + 1]}`);
        return `${dev} fa=${s.fa} dl=${s.dl} last=${s.last} ${months.sort().join(",")}`;
      })
      .sort();
  }
  return out;
}

function authorsByPath(state: RepoState, coAuthors = false): Record<string, string[]> {
  const resolver = makeIdentityResolver([]);
  const out: Record<string, string[]> = {};
  const files = [...state.files.values()]
    .filter((f) => f.atHead)
    .sort((a, b) => a.path.localeCompare(b.path));
  for (const f of files) {
    const { devs, others } = resolvedDevs(f, resolver, coAuthors);
    out[f.path] = authorsOf({ devs }, others).map((a) => a.dev.replace("git:", ""));
  }
  return out;
}

describe("the truck-factor algorithm as published", () => {
  it("credits the commit's author; co-authors only when asked", async () => {
    const repo = new RepoBuilder();
    repo.write("train.py", "a\n");
    repo.commit(ann, "squash", [
      `Co-authored-by: ${bob.name} <${bob.email}>`,
      `Co-authored-by: ${cy.name} <${cy.email}>`,
    ]);
    const store = await newStore();
    const { state } = await mineRepository({ repo: repo.dir, store });
    await store.close();
    assert.deepEqual(authorsByPath(state), { "train.py": ["ann@x.org"] });
    // With co-authors, all three created it: DOA 4.391 each, all authors.
    assert.deepEqual(authorsByPath(state, true)["train.py"]?.sort(), ["ann@x.org", "bob@x.org", "cy@x.org"]);
    const report = measureEvidence([state], () => makeClassifier([]), makeIdentityResolver([]), "2026-01");
    assert.equal(report.repositories[0]?.truckFactor.value, 1);
    const withCo = measureEvidence([state], () => makeClassifier([]), makeIdentityResolver([]), "2026-01", {
      coAuthors: true,
    });
    // Credited as authors, the co-authors inflate the figure: all three must go before the file is orphaned.
    assert.equal(withCo.repositories[0]?.truckFactor.value, 3);
    repo.remove();
  });

  it("does not count the creation as an acceptance (AC)", () => {
    // Ann created the file, Bob changed it once.
    // Ann: FA 1, DL 0, AC 1 → 3.293 + 1.098 − 0.321·ln 2 = 4.1685.
    // Bob: FA 0, DL 1, AC 0 (the creation is not a change) → 3.293 + 0.164 = 3.457; 3.457 / 4.1685 = 0.829 > 0.75.
    const devs = new Map([
      ["ann", { fa: 1, dl: 0, last: 0, months: [] }],
      ["bob", { fa: 0, dl: 1, last: 0, months: [] }],
    ]);
    const found = authorsOf({ devs });
    assert.deepEqual(
      found.map((a) => [a.dev, Number(a.doa.toFixed(4))]),
      [
        ["ann", Number(doa(1, 0, 1).toFixed(4))],
        ["bob", 3.457],
      ],
    );
    assert.equal(Number(doa(1, 0, 1).toFixed(4)), 4.1685);
  });

  it("counts bots' changes as changes by others, never as authorship", () => {
    // Bob changed Ann's file once; the bot three times. Bob: AC 3 → 3.457 − 0.321·ln 4 = 3.012 < 3.293.
    const devs = new Map([
      ["ann", { fa: 1, dl: 0, last: 0, months: [] }],
      ["bob", { fa: 0, dl: 1, last: 0, months: [] }],
    ]);
    assert.deepEqual(
      authorsOf({ devs }, 3).map((a) => a.dev),
      ["ann"],
    );
  });

  it("takes the files from the commit's tree, not from the order of events on branchy history", async () => {
    const repo = new RepoBuilder();
    repo.write("serve.py", "v1\n").write("other.py", "x\n");
    repo.commit(ann, "create");
    repo.git("checkout", "-q", "-b", "side");
    repo.git("rm", "-q", "serve.py");
    repo.commit(bob, "delete on a branch");
    repo.git("checkout", "-q", "main");
    repo.write("serve.py", "v2\n");
    repo.commit(cy, "change on main, after the branch's delete");
    // The branch is merged, keeping main's tree: serve.py stays. Its newest event by date is
    // Cy's change, but Bob's deletion is newer than Ann's creation: the tree decides.
    repo.git(
      "-c",
      "user.name=M",
      "-c",
      "user.email=m@x.org",
      "merge",
      "-q",
      "-s",
      "ours",
      "side",
      "-m",
      "merge",
    );
    repo.write("serve.py", "v3\n");
    repo.commit(bob, "latest");
    const store = await newStore();
    const { state } = await mineRepository({ repo: repo.dir, store });
    await store.close();
    const atHead = [...state.files.values()].filter((f) => f.atHead);
    assert.deepEqual(atHead.map((f) => f.path).sort(), ["other.py", "serve.py"]);
    const serve = atHead.find((f) => f.path === "serve.py");
    assert.deepEqual(
      Object.fromEntries([...(serve?.devs ?? [])].map(([d, s]) => [d.replace(/ <.*/, ""), [s.fa, s.dl]])),
      { "Ann Lee": [1, 0], "Cy Park": [0, 1], "Bob Ng": [0, 1] },
    );
    repo.remove();
  });

  it("merges identities by e-mail and by a name of two words, and tells bots and placeholders from people", () => {
    const resolver = makeIdentityResolver([]);
    resolver.learn([
      "Rohit Goswami <rog32@hi.is>",
      "Rohit Goswami <rgoswami@ieee.org>",
      "HaoZeke <rgoswami@ieee.org>",
      "skip <skip@localhost>",
      "skip <skip@example.org>",
    ]);
    const a = resolver.resolve("Rohit Goswami", "rog32@hi.is");
    assert.equal(a?.id, resolver.resolve("Rohit Goswami", "rgoswami@ieee.org")?.id, "one name, two e-mails");
    assert.equal(
      a?.id,
      resolver.resolve("HaoZeke", "rgoswami@ieee.org")?.id,
      "a name and a shared e-mail merge",
    );
    assert.notEqual(
      resolver.resolve("skip", "skip@localhost")?.id,
      resolver.resolve("skip", "skip@example.org")?.id,
      "a one-word name is too weak to merge",
    );
    assert.deepEqual([...(resolver.merges().get(a?.id ?? "") ?? [])].sort(), [
      "HaoZeke <rgoswami@ieee.org>",
      "Rohit Goswami <rgoswami@ieee.org>",
      "Rohit Goswami <rog32@hi.is>",
    ]);
    const off = makeIdentityResolver([], { mergeByName: false });
    off.learn(["Rohit Goswami <rog32@hi.is>", "Rohit Goswami <rgoswami@ieee.org>"]);
    assert.notEqual(
      off.resolve("Rohit Goswami", "rog32@hi.is")?.id,
      off.resolve("Rohit Goswami", "rgoswami@ieee.org")?.id,
    );

    const isBot = makeIdentityResolver([]);
    const cases: [string, string, string | undefined][] = [
      ["Pascal Vicaire", "kubeflow-pipeline-bot@google.com", undefined],
      ["David M Cooke", "cookedm@localhost", undefined],
      ["Kubernetes Prow Robot", "k8s-ci-robot@users.noreply.github.com", "bot"],
      ["Copilot", "198982749+Copilot@users.noreply.github.com", "bot"],
      ["dependabot[bot]", "49699333+dependabot[bot]@users.noreply.github.com", "bot"],
      ["StepSecurity Bot", "bot@stepsecurity.io", "bot"],
      ["Repo bot", "repo_bot@google.com", "bot"],
      ["Googler", "nobody@google.com", "placeholder"],
      ["nobody", "nobody@localhost", "placeholder"],
      ["Google Cloud Pipeline Components maintainers", "nobody@google.com", "placeholder"],
    ];
    for (const [name, email, expected] of cases) {
      assert.equal(isBot.resolve(name, email) === undefined, expected !== undefined, name);
    }
    assert.deepEqual(
      isBot.exclusions().map((e) => `${e.reason} ${e.identity}`),
      cases
        .filter((c) => c[2])
        .map((c) => `${c[2]} ${c[0]} <${c[1]}>`)
        .sort((x, y) => x.slice(x.indexOf(" ") + 1).localeCompare(y.slice(y.indexOf(" ") + 1))),
    );
  });

  it("keeps code files only with the code filter", () => {
    const code = [
      "builtin/log.c",
      "t/t0001-init.sh",
      "git-send-email.perl",
      "Makefile",
      "sdk/python/kfp/dsl.py",
      "ui/src/App.tsx",
      "infra/main.tf",
    ];
    const notCode = [
      "Documentation/git-log.txt",
      "README.md",
      ".github/workflows/ci.yml",
      "vendor/lib/x.go",
      "third_party/a/b.c",
      "api/v2beta1/go/run.pb.go",
      "sdk/python/kfp/pipeline_spec_pb2.py",
      "docs/conf.py",
      "web/app.min.js",
      "package-lock.json",
    ];
    assert.deepEqual(
      code.filter((p) => !isCodeFile(p)),
      [],
    );
    assert.deepEqual(notCode.filter(isCodeFile), []);
  });
});

describe("snapshots and incremental runs", () => {
  /** A branchy history: renames, deletes, re-adds, a branch merged with its own changes. */
  function branchyRepo(): { repo: RepoBuilder; cuts: string[] } {
    const repo = new RepoBuilder();
    const cuts: string[] = [];
    const people = [ann, bob, cy];
    const files = ["a.py", "b.py", "c.yml", "d/e.py", "f.md"];
    let n = 0;
    const step = (who: (typeof people)[number], edit: () => void) => {
      edit();
      cuts.push(repo.commit(who, `step ${n++}`));
    };
    for (const [i, f] of files.entries())
      step(people[i % 3] as (typeof people)[number], () => repo.write(f, `${f} 1\n`));
    step(bob, () => repo.write("a.py", "a 2\n"));
    step(cy, () => repo.git("mv", "b.py", "b2.py"));
    repo.git("checkout", "-q", "-b", "side");
    step(ann, () => repo.write("side.py", "side\n"));
    step(bob, () => repo.git("rm", "-q", "f.md"));
    repo.git("checkout", "-q", "main");
    step(cy, () => repo.write("a.py", "a 3\n"));
    step(bot, () => repo.write("c.yml", "c 2\n"));
    repo.git("-c", "user.name=M", "-c", "user.email=m@x.org", "merge", "-q", "--no-edit", "side");
    cuts.push(repo.git("rev-parse", "HEAD").trim());
    step(ann, () => repo.write("f.md", "back again\n"));
    step(bob, () => repo.git("mv", "d/e.py", "d/g.py"));
    step(cy, () => repo.write("b2.py", "b 3\n"));
    step(ann, () => repo.git("rm", "-q", "a.py"));
    step(bob, () => repo.write("a.py", "a new file\n"));
    // A file renamed on main while a branch still changes it under its old name, later than the
    // rename (numpy's numpy/core → numpy/_core, cut at a 2020 merge): the branch's change has a
    // file of its own, and older history continues the renamed one.
    const lines = (changed: number, text: string) =>
      Array.from({ length: 20 }, (_, i) => (i === changed ? text : `line ${i}`)).join("\n");
    step(cy, () => repo.write("g.py", `${lines(-1, "")}\n`));
    repo.git("branch", "late");
    step(ann, () => repo.git("mv", "g.py", "g2.py"));
    repo.git("checkout", "-q", "late");
    step(bob, () => repo.write("g.py", `${lines(2, "late change")}\n`));
    repo.git("checkout", "-q", "main");
    step(cy, () => repo.write("g2.py", `${lines(17, "main change")}\n`));
    repo.git("-c", "user.name=M", "-c", "user.email=m@x.org", "merge", "-q", "--no-edit", "late");
    cuts.push(repo.git("rev-parse", "HEAD").trim());
    return { repo, cuts };
  }

  it("mining an older commit then a newer one equals a cold run on the newer one", async () => {
    const { repo, cuts } = branchyRepo();
    // First-parent commits only: the cursor moves along main as a branch would.
    const mainLine = repo.git("rev-list", "--first-parent", "--reverse", "main").trim().split("\n");
    for (const [i, older] of mainLine.entries()) {
      for (const newer of mainLine.slice(i + 1)) {
        repo.git("branch", "-f", "cursor", older);
        const store = await newStore();
        await mineRepository({ repo: repo.dir, branch: "cursor", store });
        repo.git("branch", "-f", "cursor", newer);
        const incremental = await mineRepository({ repo: repo.dir, branch: "cursor", store });
        assert.equal(incremental.mode, "incremental");
        const fresh = await newStore();
        const cold = await mineRepository({ repo: repo.dir, branch: "cursor", store: fresh });
        assert.deepEqual(authorsByPath(incremental.state), authorsByPath(cold.state), `${older}..${newer}`);
        assert.deepEqual(statsByPath(incremental.state), statsByPath(cold.state), `${older}..${newer}`);
        const measure = (s: RepoState) =>
          measureEvidence([s], () => makeClassifier([]), makeIdentityResolver([]), "2026-01").repositories[0]
            ?.truckFactor;
        assert.deepEqual(measure(incremental.state), measure(cold.state));
        await store.close();
        await fresh.close();
      }
    }
    assert.ok(cuts.length > 10);
    repo.remove();
  });

  it("reading a long history as two ranges at once equals reading it whole, at every first-parent commit", async () => {
    const { repo } = branchyRepo();
    const mainLine = repo.git("rev-list", "--first-parent", "--reverse", "main").trim().split("\n");
    let split = 0;
    for (const commit of mainLine.slice(2)) {
      repo.git("branch", "-f", "cursor", commit);
      const mine = async (mode: "always" | "never") => {
        const store = await newStore();
        const run = await mineRepository({ repo: repo.dir, branch: "cursor", store, split: mode });
        await store.close();
        return run.state;
      };
      const [two, one] = [await mine("always"), await mine("never")];
      assert.deepEqual(authorsByPath(two), authorsByPath(one), commit);
      assert.deepEqual(statsByPath(two), statsByPath(one), commit);
      assert.equal(two.commits, one.commits);
      split++;
    }
    assert.ok(split > 10);
    repo.remove();
  });

  it("analyses a snapshot: a commit, or the last first-parent commit on or before a date", async () => {
    const { repo } = branchyRepo();
    const mainLine = repo.git("rev-list", "--first-parent", "--reverse", "main").trim().split("\n");
    const third = mainLine[2] as string;
    const store = await newStore();
    const byCommit = await mineRepository({ repo: repo.dir, store, at: third });
    assert.equal(byCommit.state.head, third);
    assert.equal(byCommit.state.commits, 3);
    // RepoBuilder commits one day apart from 2026-01-02: the third is on 2026-01-04.
    const byDate = await mineRepository({ repo: repo.dir, store, at: "2026-01-04" });
    assert.equal(byDate.state.head, third);
    await assert.rejects(
      mineRepository({ repo: repo.dir, store, at: "1999-01-01" }),
      /no commit on or before 1999-01-01/,
    );
    await assert.rejects(mineRepository({ repo: repo.dir, store, at: "nope" }), /has no commit "nope"/);
    await store.close();
    repo.remove();
  });
});

describe("reviews and leavers", () => {
  it("counts Reviewed-by trailers and exported pull-request reviews as knowledge, beside authorship", async () => {
    const repo = new RepoBuilder();
    repo.write("serve.py", "v1\n").write("train.py", "t1\n");
    repo.commit(ann, "create", [
      `Reviewed-by: ${bob.name} <${bob.email}>`,
      `Acked-by: ${cy.name} <${cy.email}>`,
    ]);
    const store = await newStore();
    const { state } = await mineRepository({ repo: repo.dir, store });
    await store.close();
    const pulls = readPullReviews(
      JSON.stringify([
        {
          number: 7,
          files: [{ filename: "train.py" }],
          reviews: [
            { user: { login: "dee-gh" }, state: "APPROVED", submitted_at: "2026-01-03T10:00:00Z" },
            { user: { login: "eve" }, state: "PENDING" },
          ],
        },
      ]),
      "reviews.json",
    );
    const resolver = makeIdentityResolver([
      { id: "ann", name: "Ann Lee", emails: ["ann@x.org"] },
      { id: "bob", name: "Bob Ng", emails: ["bob@x.org"] },
      { id: "dee", name: "Dee Roy", handle: "@dee-gh" },
    ]);
    const report = measureEvidence([state], () => makeClassifier([]), resolver, "2026-01", {
      pullReviewsFor: () => pulls,
    });
    const repoFigures = report.repositories[0];
    // Authors: Ann alone. With reviewers: serve.py {ann, bob, cy}, train.py {ann, bob, cy, dee}:
    // removing ann, bob and cy orphans serve.py (1 of 2, not more than half); dee then orphans both.
    assert.equal(repoFigures?.truckFactor.value, 1);
    assert.equal(repoFigures?.truckFactorWithReviews.value, 4);
    const serving = report.activities.find((a) => a.activity === "model-serving");
    assert.equal(serving?.reviewers, 2);
    const training = report.activities.find((a) => a.activity === "model-training-code");
    assert.equal(training?.reviewers, 3, "the pending review does not count");
    assert.deepEqual(
      training?.contributors.map((c) => [c.id, c.authored, c.reviews]),
      [
        ["ann", 1, 0],
        ["bob", 0, 1],
        ["dee", 0, 1],
        ["git:cy@x.org", 0, 1],
      ],
    );
    assert.throws(
      () => readPullReviews(JSON.stringify({ not: "an array" }), "reviews.json"),
      /reviews.json: expected a JSON array of pull requests/,
    );
    repo.remove();
  });

  it("reports the truck factor of the people still active, and who went quiet or left", async () => {
    const repo = new RepoBuilder(); // commits from 2026-01-02, one a day
    repo.write("a.py", "a\n").write("b.py", "b\n");
    repo.commit(ann, "ann writes both");
    repo.write("c.py", "c\n");
    repo.commit(bob, "bob writes c");
    const store = await newStore();
    const { state } = await mineRepository({ repo: repo.dir, store });
    await store.close();
    const people = [
      { id: "ann", name: "Ann Lee", emails: ["ann@x.org"] },
      { id: "bob", name: "Bob Ng", emails: ["bob@x.org"], leaves: "2026-02-01" },
    ];
    // A window that starts after every commit: everyone is quiet.
    const later = measureEvidence([state], () => makeClassifier([]), makeIdentityResolver(people), "2026-06");
    assert.equal(later.repositories[0]?.truckFactor.value, 1);
    assert.equal(later.repositories[0]?.truckFactorActive.value, 0);
    assert.deepEqual(
      later.inactive.map((i) => i.id),
      ["ann", "bob"],
    );
    // In the window, but Bob has left: only Ann's files still have an active author.
    const gone = measureEvidence([state], () => makeClassifier([]), makeIdentityResolver(people), "2026-01", {
      gone: (id) => id === "bob",
    });
    assert.deepEqual(gone.inactive, [{ id: "bob", last: "2026-01-03" }]);
    const training = gone.activities.find((a) => a.activity === "model-training-code");
    assert.deepEqual(
      training?.contributors.map((c) => [c.id, c.active]),
      [
        ["ann", true],
        ["bob", false],
      ],
    );
    assert.deepEqual(training?.truckFactorActive, { value: 1, removed: ["ann"], files: 3 });
    repo.remove();
  });
});
