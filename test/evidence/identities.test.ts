import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { makeClassifier } from "../../src/evidence/classify.ts";
import { makeIdentityResolver, noReplyLogin } from "../../src/evidence/identities.ts";
import { measureEvidence } from "../../src/evidence/measures.ts";
import { mineRepository } from "../../src/evidence/mine.ts";
import { openSqliteStore } from "../../src/store/sqlite.ts";
import { RepoBuilder } from "./repo-builder.ts";

const scratch = mkdtempSync(join(tmpdir(), "mlteam-identities-"));
after(() => rmSync(scratch, { recursive: true, force: true }));

describe("identities", () => {
  it("follows .mailmap, matches people by e-mail and name, leaves bots out and lists strangers", async () => {
    const repo = new RepoBuilder(join(scratch, "repo"));
    repo.write(".mailmap", "Meghan Doyle <meghan@acme.example> <mdoyle@old-laptop.local>\n");
    repo.write(".github/workflows/ci.yml", "on: push\n");
    repo.commit({ name: "mdoyle", email: "mdoyle@old-laptop.local" });
    repo.write(".github/workflows/ci.yml", "on: [push, pull_request]\n");
    repo.commit({ name: "Dan  Ortiz", email: "dan.ortiz@gmail.example" });
    repo.write(".github/workflows/ci.yml", "on: [push, pull_request] # bump\n");
    repo.commit({ name: "renovate[bot]", email: "bot@renovateapp.example" });
    repo.write("docs/notes.md", "x\n");
    repo.commit({ name: "Zed Unknown", email: "zed@else.example" });
    // A submodule is one path (a gitlink) in the history; it must not break the walk.
    const sub = new RepoBuilder(join(scratch, "sub"));
    sub.write("README.md", "sub\n");
    sub.commit({ name: "Zed Unknown", email: "zed@else.example" });
    spawnSync("git", ["-c", "protocol.file.allow=always", "submodule", "add", "-q", sub.dir, "vendor/sub"], {
      cwd: repo.dir,
    });
    repo.commit({ name: "Zed Unknown", email: "zed@else.example" });

    const store = await openSqliteStore(join(scratch, "store", "evidence.db"));
    const { state, mailmap } = await mineRepository({ repo: repo.dir, store });
    const resolver = makeIdentityResolver([
      { id: "meghan", name: "Meghan Doyle", emails: ["meghan@acme.example"] },
      { id: "dan", name: "Dan Ortiz" },
    ]);
    // The analysed commit's .mailmap, applied when measuring (history is stored as committed).
    assert.equal(mailmap.size, 1);
    const report = measureEvidence([state], () => makeClassifier([]), resolver, "2026-01", {
      mailmapFor: () => mailmap,
    });
    const ci = report.activities.find((a) => a.activity === "ci-cd-pipeline");
    assert.deepEqual(ci?.contributors.map((c) => c.id).sort(), ["dan", "meghan"], "the bot is left out");
    assert.equal(ci?.contributors.find((c) => c.id === "meghan")?.authored, 1);
    assert.deepEqual(report.unmatched, [
      { id: "git:zed@else.example", seen: ["Zed Unknown <zed@else.example>"] },
    ]);
    assert.ok(state.files.size >= 4);
    await store.close();
  });

  it("restores a previous run's resolutions: the same developers, merges, strangers and exclusions", () => {
    const people = [{ id: "meghan", name: "Meghan Doyle", emails: ["meghan@acme.example"] }];
    const texts = [
      "Meghan Doyle <meghan@acme.example>",
      "Meghan Doyle <mdoyle@old-laptop.local>",
      "Dan Ortiz <dan@acme.example>",
      "Dan  Ortiz <dan.ortiz@gmail.example>",
      "renovate[bot] <bot@renovateapp.example>",
      "Googler <nobody@google.com>",
      "Pascal Vicaire <kubeflow-pipeline-bot@google.com>",
    ];
    const learned = makeIdentityResolver(people);
    learned.learn(texts);
    const resolutions = learned.resolutions();
    assert.equal(resolutions.length, texts.length);
    // Taking the resolutions counted nobody as seen.
    assert.deepEqual([...learned.unmatched()], []);
    const restored = makeIdentityResolver(people);
    restored.restore(resolutions);
    // Resolve a part only, in another order: the lists name what was resolved, as learning would.
    const some = [texts[6], texts[3], texts[0], texts[4], texts[2]] as string[];
    for (const text of some) assert.deepEqual(restored.resolveText(text), learned.resolveText(text), text);
    assert.deepEqual(restored.unmatched(), learned.unmatched());
    assert.deepEqual(restored.merges(), learned.merges());
    assert.deepEqual(restored.exclusions(), learned.exclusions());
    assert.deepEqual(restored.resolveText(texts[3] as string), {
      id: "git:dan.ortiz@gmail.example",
      person: false,
    });
    assert.equal(restored.resolveText(texts[4] as string), undefined);
  });

  it("reads the login a GitHub no-reply address carries, in both forms", () => {
    assert.equal(noReplyLogin("73048950+VectorPeak@users.noreply.github.com"), "vectorpeak");
    assert.equal(noReplyLogin("mattip@users.noreply.github.com"), "mattip");
    assert.equal(noReplyLogin("nik-tiger-bill@users.noreply.github.com"), "nik-tiger-bill");
    assert.equal(noReplyLogin("noreply@github.com"), undefined);
    assert.equal(noReplyLogin("vectorpeak@gmail.com"), undefined);
    assert.equal(noReplyLogin("49699333+dependabot[bot]@users.noreply.github.com"), undefined);
  });

  it("is one developer across a login's no-reply addresses and the identities named with that login, learned in any order", () => {
    // numpy's history: one person, three ways.
    const texts = [
      "VectorPeak <garrufariw@gmail.com>",
      "VectorPeak <73048950+VectorPeak@users.noreply.github.com>",
      "Vector Peak <vectorpeak@users.noreply.github.com>",
    ];
    for (const order of [texts, [...texts].reverse()]) {
      const resolver = makeIdentityResolver([]);
      resolver.learn(order);
      const ids = new Set(order.map((t) => resolver.resolveText(t)?.id));
      assert.deepEqual([...ids], ["git:73048950+vectorpeak@users.noreply.github.com"], order.join(", "));
    }
    // Learned one at a time (a re-run's newcomer), the login still joins them.
    const late = makeIdentityResolver([]);
    late.learn([texts[0] as string]);
    late.learn([texts[1] as string]);
    assert.equal(late.resolveText(texts[0] as string)?.id, late.resolveText(texts[1] as string)?.id);
  });

  it("never merges one-word names without an address that carries them as a login, nor a login with another name", () => {
    const resolver = makeIdentityResolver([]);
    resolver.learn([
      "skip <skip@one.example>",
      "skip <skip@two.example>",
      "paul <paul@three.example>",
      "Paul <leeyspaul@users.noreply.github.com>",
      "root <root@build.example>",
      "root <123+root@users.noreply.github.com>",
    ]);
    const id = (t: string) => resolver.resolveText(t)?.id;
    assert.notEqual(id("skip <skip@one.example>"), id("skip <skip@two.example>"));
    assert.notEqual(id("paul <paul@three.example>"), id("Paul <leeyspaul@users.noreply.github.com>"));
    assert.equal(id("root <root@build.example>"), undefined, "a placeholder is nobody");
  });

  it("joins names as logins only when names merge, and maps a login to the person of that handle", () => {
    const texts = [
      "VectorPeak <garrufariw@gmail.com>",
      "VectorPeak <73048950+VectorPeak@users.noreply.github.com>",
    ];
    const off = makeIdentityResolver([], { mergeByName: false });
    off.learn(texts);
    assert.notEqual(off.resolveText(texts[0] as string)?.id, off.resolveText(texts[1] as string)?.id);
    const people = [{ id: "vp", name: "Garrufa Riw", handle: "@vectorpeak" }];
    const mapped = makeIdentityResolver(people);
    mapped.learn(["Someone <73048950+VectorPeak@users.noreply.github.com>", "VectorPeak <other@x.example>"]);
    assert.deepEqual(mapped.resolveText("Someone <73048950+VectorPeak@users.noreply.github.com>"), {
      id: "vp",
      person: true,
    });
    assert.deepEqual(mapped.resolveText("VectorPeak <other@x.example>"), { id: "vp", person: true });
  });
});
