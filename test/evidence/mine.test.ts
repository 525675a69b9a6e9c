import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { after, describe, it } from "node:test";
import Database from "better-sqlite3";
import { authorsOf } from "../../src/evidence/authorship.ts";
import { GitError } from "../../src/evidence/git.ts";
import { lacksBlobs, mineRepository } from "../../src/evidence/mine.ts";
import type { RepoState } from "../../src/store/evidence-store.ts";
import { openSqliteStore } from "../../src/store/sqlite.ts";
import { RepoBuilder } from "./repo-builder.ts";

const ann = { name: "Ann Lee", email: "ann@x.org" };
const bob = { name: "Bob Ng", email: "bob@x.org" };
const bot = { name: "dependabot[bot]", email: "49699333+dependabot[bot]@users.noreply.github.com" };

const scratch = mkdtempSync(join(tmpdir(), "mlteam-evidence-"));
after(() => rmSync(scratch, { recursive: true, force: true }));
let stores = 0;
const newStore = () => openSqliteStore(join(scratch, `store-${stores++}`, "evidence.db"));

/** path → { dev: [fa, dl] } for the files at head. */
function summary(state: RepoState): Record<string, Record<string, [number, number]>> {
  const out: Record<string, Record<string, [number, number]>> = {};
  for (const f of state.files.values()) {
    if (!f.atHead) continue;
    out[f.path] = Object.fromEntries([...f.devs].map(([d, s]) => [d.replace(/ <.*/, ""), [s.fa, s.dl]]));
  }
  return out;
}

function hostileRepo(): RepoBuilder {
  const repo = new RepoBuilder();
  repo.write(".github/workflows/ci.yml").write('a file with "quotes" & spaces.py').write("line\nbreak.txt");
  repo.write(Buffer.from([0x62, 0x61, 0x64, 0xff, 0x2e, 0x74, 0x78, 0x74]), "x");
  repo.commit(ann, "first", [`Co-authored-by: ${bob.name} <${bob.email}>`]);
  repo.git("mv", ".github/workflows/ci.yml", ".github/workflows/build.yml");
  repo.write(
    "Dockerfile",
    "FROM python:3.12\nWORKDIR /app\nCOPY . .\nRUN pip install -r requirements.txt\nCMD serve\n",
  );
  repo.commit(bob, "rename and docker");
  repo.write(".github/workflows/build.yml", "on: push\n");
  repo.commit(bot, "bump");
  repo.git("rm", "-q", "line\nbreak.txt");
  repo.commit(ann, "remove");
  return repo;
}

describe("mining a repository", () => {
  it("reads odd file names, renames, deletions and co-authors (kept apart), and never runs repository commands", async () => {
    const repo = hostileRepo();
    const marker = join(scratch, "fsmonitor-ran");
    const hook = join(scratch, "monitor.sh");
    writeFileSync(hook, `#!/bin/sh\ntouch ${marker}\n`, { mode: 0o755 });
    repo.git("config", "core.fsmonitor", hook);
    repo.git("config", "diff.external", hook);
    const store = await newStore();
    const result = await mineRepository({ repo: repo.dir, store });
    await store.close();
    assert.equal(result.mode, "full");
    assert.equal(result.read, 4);
    assert.equal(existsSync(marker), false, "no repository-configured command ran");
    assert.deepEqual(summary(result.state), {
      // The commit's author is credited; the co-author's credit is kept apart (co:), for --co-authors.
      ".github/workflows/build.yml": {
        "Ann Lee": [1, 0],
        "co:Bob Ng": [1, 0],
        "Bob Ng": [0, 1],
        "dependabot[bot]": [0, 1],
      },
      'a file with "quotes" & spaces.py': { "Ann Lee": [1, 0], "co:Bob Ng": [1, 0] },
      "bad\ufffd.txt": { "Ann Lee": [1, 0], "co:Bob Ng": [1, 0] },
      Dockerfile: { "Bob Ng": [1, 0] },
    });
    repo.remove();
  });

  it("reads only new commits on a re-run, with the same result as from scratch", async () => {
    const repo = hostileRepo();
    const store = await newStore();
    const first = await mineRepository({ repo: repo.dir, store });
    assert.equal((await mineRepository({ repo: repo.dir, store })).mode, "current");
    repo.write(
      "Dockerfile",
      "FROM python:3.12\nWORKDIR /app\nCOPY . .\nRUN pip install -r requirements.txt\nCMD serve --port 80\n",
    );
    repo.git("mv", "Dockerfile", "Dockerfile.prod");
    repo.commit(ann, "move");
    const second = await mineRepository({ repo: repo.dir, store });
    assert.equal(second.mode, "incremental");
    assert.equal(second.read, 1);
    assert.equal(second.state.commits, first.state.commits + 1);
    const fresh = await newStore();
    const scratchRun = await mineRepository({ repo: repo.dir, store: fresh });
    // A stored state's developers are read on first use: before its store is closed.
    assert.deepEqual(summary(second.state), summary(scratchRun.state));
    assert.deepEqual(summary(second.state)["Dockerfile.prod"], { "Bob Ng": [1, 0], "Ann Lee": [0, 1] });
    const unread = await store.load(second.state.key);
    await store.close();
    await fresh.close();
    assert.throws(() => summary(unread as RepoState), /store .* was closed: read .* before closing/);
    repo.remove();
  });

  it("mines again, with a warning, a store written by an older mlteam (format 6, no table of names)", async () => {
    const repo = hostileRepo();
    const file = join(scratch, `store-${stores++}`, "evidence.db");
    mkdirSync(dirname(file), { recursive: true });
    const old = new Database(file);
    old.exec(`
      CREATE TABLE repos (key TEXT PRIMARY KEY, head TEXT NOT NULL, commits INTEGER NOT NULL,
        shallow INTEGER NOT NULL, updated_at TEXT NOT NULL, version INTEGER NOT NULL DEFAULT 1);
      CREATE TABLE file_history (repo TEXT NOT NULL, id INTEGER NOT NULL, path TEXT NOT NULL,
        at_head INTEGER NOT NULL, created INTEGER NOT NULL, oldest_path TEXT NOT NULL, devs TEXT NOT NULL,
        CONSTRAINT file_history_pk PRIMARY KEY (repo, id));`);
    const key = `${realpathSync(repo.dir)}#HEAD`;
    const head = repo.git("rev-parse", "HEAD").trim();
    old.prepare("INSERT INTO repos VALUES (?, ?, 4, 0, '2026-01-01', 6)").run(key, head);
    old
      .prepare("INSERT INTO file_history VALUES (?, 1, 'Dockerfile', 1, 1, 'Dockerfile', ?)")
      .run(key, JSON.stringify({ "Bob Ng <bob@x.org>": [1, 0, 0, []] }));
    old.close();
    const store = await openSqliteStore(file);
    const first = await mineRepository({ repo: repo.dir, store });
    assert.equal(first.mode, "full");
    assert.deepEqual(first.warnings, [
      `${repo.dir}: the evidence store was written by an older mlteam; recomputed`,
    ]);
    const fresh = await newStore();
    assert.deepEqual(
      summary(first.state),
      summary((await mineRepository({ repo: repo.dir, store: fresh })).state),
    );
    const again = await mineRepository({ repo: repo.dir, store });
    assert.equal(again.mode, "current");
    assert.deepEqual(summary(again.state), summary(first.state));
    await store.close();
    await fresh.close();
    repo.remove();
  });

  it("detects rewritten history and recomputes", async () => {
    const repo = hostileRepo();
    const store = await newStore();
    await mineRepository({ repo: repo.dir, store });
    repo.git("reset", "-q", "--hard", "HEAD~2");
    repo.write("new.py", "x\n");
    repo.commit(bob, "another line of history");
    const result = await mineRepository({ repo: repo.dir, store });
    await store.close();
    assert.equal(result.mode, "rewritten");
    assert.match(result.warnings.join(), /history was rewritten/);
    assert.equal(result.state.commits, 3);
    assert.ok(summary(result.state)["new.py"]);
    repo.remove();
  });

  it("handles an empty repository, a bare clone, a shallow clone, a detached HEAD, and refuses a non-repository", async () => {
    const store = await newStore();
    const empty = new RepoBuilder();
    const none = await mineRepository({ repo: empty.dir, store });
    assert.equal(none.mode, "empty");
    assert.match(none.warnings.join(), /no commits yet/);
    const repo = hostileRepo();
    const bare = join(scratch, "bare.git");
    spawnSync("git", ["clone", "-q", "--bare", repo.dir, bare]);
    assert.equal((await mineRepository({ repo: bare, store })).state.commits, 4);
    const shallow = join(scratch, "shallow");
    spawnSync("git", ["clone", "-q", "--depth", "2", `file://${repo.dir}`, shallow]);
    const cut = await mineRepository({ repo: shallow, store });
    assert.equal(cut.state.shallow, true);
    assert.match(cut.warnings.join(), /shallow clone/);
    repo.git("checkout", "-q", "--detach", "HEAD~1");
    assert.equal((await mineRepository({ repo: repo.dir, store })).state.commits, 3);
    await assert.rejects(
      mineRepository({ repo: scratch, store }),
      (e: unknown) => e instanceof GitError && /is not a git repository/.test(e.message),
    );
    await assert.rejects(mineRepository({ repo: join(scratch, "nowhere"), store }), /nowhere does not exist/);
    await assert.rejects(
      mineRepository({ repo: repo.dir, branch: "nope", store }),
      /has no branch or ref "nope"/,
    );
    await store.close();
    empty.remove();
    repo.remove();
  });

  it("stores each cut of a shallow clone apart: deepened, it gives what a fresh store gives; unchanged, it is current", async () => {
    const repo = hostileRepo();
    const shallow = join(scratch, "deepened");
    spawnSync("git", ["clone", "-q", "--depth", "1", `file://${repo.dir}`, shallow]);
    const store = await newStore();
    const cut = await mineRepository({ repo: shallow, store });
    assert.equal(cut.state.commits, 1);
    assert.equal((await mineRepository({ repo: shallow, store })).mode, "current");
    // The head does not move, the history below it grows.
    spawnSync("git", ["-C", shallow, "fetch", "-q", "--deepen", "2"]);
    const deeper = await mineRepository({ repo: shallow, store });
    const fresh = await newStore();
    const cold = await mineRepository({ repo: shallow, store: fresh });
    assert.equal(deeper.state.commits, 3);
    assert.equal(deeper.mode, "full");
    assert.deepEqual(summary(deeper.state), summary(cold.state));
    spawnSync("git", ["-C", shallow, "fetch", "-q", "--unshallow"]);
    const whole = await mineRepository({ repo: shallow, store });
    assert.equal(whole.state.shallow, false);
    assert.equal(whole.state.commits, 4);
    await store.close();
    await fresh.close();
    repo.remove();
  });

  it("stores a repository under one key, whichever of its folders is given", async () => {
    const repo = hostileRepo();
    const store = await newStore();
    const fromFolder = await mineRepository({ repo: join(repo.dir, ".github"), store });
    assert.equal(fromFolder.state.key, `${realpathSync(repo.dir)}#HEAD`);
    assert.equal(fromFolder.state.commits, 4);
    const fromTop = await mineRepository({ repo: repo.dir, store });
    assert.equal(fromTop.mode, "current");
    assert.deepEqual(summary(fromTop.state), summary(fromFolder.state));
    assert.equal(
      (await mineRepository({ repo: join(repo.dir, ".git"), store })).state.key,
      fromTop.state.key,
    );
    const bare = join(scratch, "one-key.git");
    spawnSync("git", ["clone", "-q", "--bare", repo.dir, bare]);
    const fromBare = await mineRepository({ repo: bare, store });
    assert.equal(fromBare.state.key, `${realpathSync(bare)}#HEAD`);
    assert.equal((await mineRepository({ repo: join(bare, "refs"), store })).state.key, fromBare.state.key);
    await store.close();
    repo.remove();
  });

  it("falls back to no rename detection when file contents are missing, with a warning", async () => {
    const repo = new RepoBuilder();
    repo.write("a.txt", "some content that is long enough to be detected as a rename\n".repeat(5));
    repo.commit(ann);
    repo.git("mv", "a.txt", "b.txt");
    repo.write(
      "b.txt",
      `${"some content that is long enough to be detected as a rename\n".repeat(5)}and one more line\n`,
    );
    repo.commit(bob);
    const blob = repo.git("rev-parse", "HEAD:b.txt").trim();
    rmSync(join(repo.dir, ".git", "objects", blob.slice(0, 2), blob.slice(2)));
    const store = await newStore();
    const result = await mineRepository({ repo: repo.dir, store });
    await store.close();
    assert.match(result.warnings.join(), /some file contents are missing, so renames are not followed/);
    assert.deepEqual(summary(result.state), { "b.txt": { "Bob Ng": [1, 0] } });
    repo.remove();
  });

  it("mines a partial clone once, following exact renames only, instead of failing half-way and starting again", async () => {
    const repo = new RepoBuilder();
    repo.write("a.txt", "some content that is long enough to be detected as a rename\n".repeat(5));
    repo.commit(ann);
    repo.git("mv", "a.txt", "b.txt");
    repo.commit(bob);
    // An inexact rename: its contents would be needed to detect it.
    repo.write("c.txt", "another content that is long enough to be detected as a rename\n".repeat(5));
    repo.commit(ann);
    repo.git("mv", "c.txt", "d.txt");
    repo.write(
      "d.txt",
      `${"another content that is long enough to be detected as a rename\n".repeat(5)}and more\n`,
    );
    repo.commit(bob);
    repo.git("config", "uploadpack.allowFilter", "true");
    const clone = join(scratch, "partial.git");
    const cloned = spawnSync("git", [
      "clone",
      "-q",
      "--bare",
      "--filter=blob:none",
      `file://${repo.dir}`,
      clone,
    ]);
    assert.equal(cloned.status, 0, cloned.stderr.toString());
    const store = await newStore();
    const result = await mineRepository({ repo: clone, store });
    await store.close();
    assert.deepEqual(result.warnings, [
      `${clone} is a partial clone (file contents are missing): only renames of unchanged files are followed`,
    ]);
    assert.equal(result.read, 4);
    // The exact rename a → b is followed (Ann created the file); the inexact c → d is not.
    assert.deepEqual(summary(result.state), {
      "b.txt": { "Ann Lee": [1, 0], "Bob Ng": [0, 1] },
      "d.txt": { "Bob Ng": [1, 0] },
    });
    // A clone that borrows the partial clone's objects (--shared) lacks the same contents.
    const shared = join(scratch, "shared.git");
    spawnSync("git", ["clone", "-q", "--bare", "--shared", clone, shared]);
    assert.equal(lacksBlobs(shared), true);
    assert.equal(lacksBlobs(join(repo.dir, ".git")), false);
    repo.remove();
  });

  it("lets two processes mine into one store at once without losing or corrupting anything", async () => {
    const repo = hostileRepo();
    for (let i = 0; i < 30; i++) {
      repo.write(`src/train_${i % 7}.py`, `v${i}\n`);
      repo.commit(i % 2 ? ann : bob);
    }
    const db = join(scratch, "shared", "evidence.db");
    const script = join(import.meta.dirname, "mine-once.ts");
    const run = () =>
      new Promise<string>((resolve, reject) => {
        const child = spawn(process.execPath, ["--import", "tsx", script, repo.dir, db], {
          stdio: ["ignore", "pipe", "pipe"],
        });
        let out = "";
        let errors = "";
        child.stdout.on("data", (d) => (out += d));
        child.stderr.on("data", (d) => (errors += d));
        child.on("close", (code) => (code === 0 ? resolve(out) : reject(new Error(errors))));
      });
    const results = (await Promise.all([run(), run()])).map(
      (o) => JSON.parse(o) as { commits: number; files: number },
    );
    for (const r of results) assert.equal(r.commits, 34);
    const store = await openSqliteStore(db);
    const after = await mineRepository({ repo: repo.dir, store });
    assert.equal(after.mode, "current");
    const fresh = await newStore();
    const reference = await mineRepository({ repo: repo.dir, store: fresh });
    assert.deepEqual(summary(after.state), summary(reference.state));
    for (const f of after.state.files.values()) if (f.atHead) assert.ok(authorsOf(f).length > 0);
    await store.close();
    await fresh.close();
    repo.remove();
  });
});
