/**
 * Writing the model back loses nothing: every comment survives an edit that removes a key, and two
 * processes saving the same version never both succeed (one edit would be lost).
 */
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { pathToFileURL } from "node:url";
import { parse } from "yaml";
import { requireValid } from "../src/app/check-team.ts";
import { type CellChange, planRaciCell, setRaciCell } from "../src/app/raci-cell.ts";
import { ModelWorkspace } from "../src/app/workspace.ts";
import { acquireFileLock, FileLockBusyError, lockFileOf } from "../src/io/file-lock.ts";
import { fsHost } from "../src/io/fs-host.ts";
import { editRaciCell } from "../src/model/raci-edit.ts";
import { TODAY } from "./helpers.ts";

const tmp = mkdtempSync(join(tmpdir(), "mlteam-integrity-"));
after(() => rmSync(tmp, { recursive: true, force: true }));

/** Every comment in a YAML text, as written (without the leading spaces). */
const comments = (text: string) => text.match(/#[^\n]*/g) ?? [];

const workspace = (entry: string) =>
  new ModelWorkspace(entry, fsHost, { today: () => TODAY, evidence: "never" });

/** The letters each person holds on raci[index], as `{ R: [...], … }`. */
function lettersOf(text: string, index: number): Record<string, string[]> {
  const row = (parse(text) as { raci: Record<string, unknown>[] }).raci[index] ?? {};
  const out: Record<string, string[]> = {};
  for (const letter of ["R", "A", "C", "I"]) {
    const value = row[letter];
    if (value !== undefined) out[letter] = Array.isArray(value) ? value.map(String) : [String(value)];
  }
  return out;
}

describe("an edit that removes a key keeps every comment", () => {
  const ROW = [
    "raci:",
    "  # the pipeline row",
    "  - activity: x # who ships",
    "    # R: the person who builds it",
    "    R: ann # builds",
    "    # A: one owner",
    "    A: bob # owns",
    "    C: cid # asked first",
    "    I: [dan, eve] # told after",
    "  - activity: y",
    "    R: ann # other row",
    "",
  ].join("\n");

  /** Clears `column` on row 0 and checks that no comment was lost and the letters are right. */
  function clear(text: string, column: string, expected: Record<string, string[]>): string {
    const out = editRaciCell(text, 0, { activity: "x", column, letters: [] });
    assert.equal(
      comments(out).length,
      comments(text).length,
      `a comment was lost clearing ${column}:\n${out}`,
    );
    for (const comment of comments(text)) assert.ok(out.includes(comment), `${comment} was lost:\n${out}`);
    assert.deepEqual(lettersOf(out, 0), expected);
    if (text.includes("activity: y")) {
      assert.deepEqual(lettersOf(out, 1), { R: ["ann"] }, "the other row is untouched");
      assert.ok(out.endsWith("  - activity: y\n    R: ann # other row\n"), out);
    }
    return out;
  }

  it("clearing each letter on its own", () => {
    clear(ROW, "ann", { A: ["bob"], C: ["cid"], I: ["dan", "eve"] });
    clear(ROW, "bob", { R: ["ann"], C: ["cid"], I: ["dan", "eve"] });
    clear(ROW, "cid", { R: ["ann"], A: ["bob"], I: ["dan", "eve"] });
    clear(ROW, "dan", { R: ["ann"], A: ["bob"], C: ["cid"], I: ["eve"] });
  });

  it("clearing every letter in turn, down to a row with no letter left", () => {
    let text = ROW;
    text = clear(text, "ann", { A: ["bob"], C: ["cid"], I: ["dan", "eve"] });
    text = clear(text, "bob", { C: ["cid"], I: ["dan", "eve"] });
    text = clear(text, "cid", { I: ["dan", "eve"] });
    text = clear(text, "dan", { I: ["eve"] });
    text = clear(text, "eve", {});
    assert.equal(comments(text).length, 9);
  });

  it("clearing the last letter, whose comment follows no other key", () => {
    clear(ROW.replace("    I: [dan, eve] # told after\n", ""), "cid", { R: ["ann"], A: ["bob"] });
  });

  it("clearing people from a block list with a comment on each item", () => {
    const text = [
      "raci:",
      "  - activity: x",
      "    R: # builders",
      "      # first the lead",
      "      - ann # lead",
      "      - bob # second",
      "    A: cid # owns",
      "",
    ].join("\n");
    const once = clear(text, "ann", { R: ["bob"], A: ["cid"] });
    const twice = clear(once, "bob", { A: ["cid"] });
    clear(twice, "cid", {});
  });

  it("moving a letter keeps the comment of the line it leaves", () => {
    const out = editRaciCell(ROW, 0, { activity: "x", column: "ann", letters: ["C"] });
    assert.deepEqual(lettersOf(out, 0), { A: ["bob"], C: ["cid", "ann"], I: ["dan", "eve"] });
    assert.equal(comments(out).length, comments(ROW).length, out);
  });

  it("setting a letter a person already holds changes nothing", () => {
    const text = "raci:\n  - activity: x\n    R:\n      - ann # lead\n      - bob # second\n";
    assert.equal(editRaciCell(text, 0, { activity: "x", column: "ann", letters: ["R"] }), text);
  });

  it("a model with 10 comments still has 10 after the dashboard clears a letter", async () => {
    const dir = join(tmp, "ten-comments");
    mkdirSync(dir);
    const file = join(dir, "mlteam.yaml");
    const text = [
      "# The team, as code.",
      "organisation: { name: F, stage: starting } # the company",
      "people:",
      "  # everyone on the team",
      "  - { id: ann, name: Ann, roles: [mlops-engineer] } # lead",
      "  - { id: bob, name: Bob, roles: [mlops-engineer] } # backup",
      "raci:",
      "  - activity: ci-cd-pipeline # the release path",
      "    # who does the work",
      "    R: ann # builds it",
      "    # who answers for it",
      "    A: bob # signs off",
      "",
    ].join("\n");
    writeFileSync(file, text);
    assert.equal(comments(text).length, 10);
    const ws = workspace(file);
    const { etag } = await ws.current();
    await setRaciCell(ws, { activity: "ci-cd-pipeline", column: "person:ann", letters: "" }, etag);
    const saved = readFileSync(file, "utf8");
    assert.deepEqual(comments(saved).sort(), comments(text).sort(), saved);
    assert.deepEqual(lettersOf(saved, 0), { A: ["bob"] });
  });
});

const MODEL = [
  "organisation: { name: F, stage: starting }",
  "people:",
  "  - { id: ann, name: Ann, roles: [mlops-engineer] }",
  "  - { id: bob, name: Bob, roles: [mlops-engineer] }",
  "raci:",
  "  - activity: ci-cd-pipeline",
  "    R: ann",
  "    A: ann",
  "",
].join("\n");

const ROOT = join(import.meta.dirname, "..");
const src = (path: string) => JSON.stringify(pathToFileURL(join(ROOT, "src", path)).href);

/**
 * A process that edits the model `rounds` times: it reads the ETag, says it is ready, waits for the
 * parent's "go" (a moment both processes spin until), then saves its change with that ETag.
 */
const WORKER = `
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { setRaciCell } from ${src("app/raci-cell.ts")};
import { ModelWorkspace } from ${src("app/workspace.ts")};
import { ConflictError } from ${src("app/errors.ts")};
import { fsHost } from ${src("io/fs-host.ts")};

const [dir, entry, id, rounds] = process.argv.slice(2);
const put = (name, text) => {
  writeFileSync(join(dir, name + ".part"), text);
  renameSync(join(dir, name + ".part"), join(dir, name));
};
const ws = new ModelWorkspace(entry, fsHost, { today: () => ${JSON.stringify(TODAY)}, evidence: "never" });
for (let round = 0; round < Number(rounds); round++) {
  const { etag } = await ws.current();
  put("ready-" + round + "-" + id, etag);
  const go = join(dir, "go-" + round);
  while (!existsSync(go)) await new Promise((resolve) => setTimeout(resolve, 2));
  const { at, changes } = JSON.parse(readFileSync(go, "utf8"));
  while (Date.now() < at) {} // both processes start the save at the same moment
  let result;
  try {
    await setRaciCell(ws, changes[id], etag);
    result = "ok";
  } catch (error) {
    result = error instanceof ConflictError ? "conflict: " + error.message : "error: " + String(error);
  }
  put("result-" + round + "-" + id, result);
}
`;

function runWorker(dir: string, entry: string, id: string, rounds: number) {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", join(dir, "worker.mts"), dir, entry, id, String(rounds)],
    {
      cwd: ROOT,
      stdio: ["ignore", "ignore", "pipe"],
    },
  );
  let stderr = "";
  child.stderr.on("data", (chunk) => {
    stderr += chunk;
  });
  const done = new Promise<{ code: number | null; stderr: string }>((resolve) =>
    child.on("close", (code) => resolve({ code, stderr })),
  );
  return { child, done };
}

async function waitFor(path: string, what: string, ms = 60_000): Promise<string> {
  const deadline = Date.now() + ms;
  while (!existsSync(path)) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return readFileSync(path, "utf8");
}

describe("two processes saving the same version", () => {
  it("exactly one succeeds and the other is told of the conflict, in every one of 20 rounds", async () => {
    const ROUNDS = 20;
    const dir = join(tmp, "race");
    mkdirSync(dir);
    const entry = join(dir, "mlteam.yaml");
    writeFileSync(entry, MODEL);
    writeFileSync(join(dir, "worker.mts"), WORKER);
    const workers = ["a", "b"].map((id) => runWorker(dir, entry, id, ROUNDS));
    const columns: Record<string, string> = { a: "person:ann", b: "person:bob" };
    const problems: string[] = [];
    try {
      for (let round = 0; round < ROUNDS; round++) {
        const etags = await Promise.all(
          ["a", "b"].map((id) => waitFor(join(dir, `ready-${round}-${id}`), `worker ${id} (round ${round})`)),
        );
        assert.equal(etags[0], etags[1], "both start from the same version");
        // Each process's change, chosen so that it really changes the file, and the text it would write.
        const valid = requireValid((await workspace(entry).current()).check);
        const changes: Record<string, CellChange> = {};
        const planned: Record<string, string> = {};
        for (const id of ["a", "b"]) {
          for (const letters of ["C", "I"] as const) {
            const change: CellChange = { activity: "ci-cd-pipeline", column: columns[id] as string, letters };
            const plan = planRaciCell(valid, fsHost, entry, change);
            if (plan.after === plan.before) continue;
            changes[id] = change;
            planned[id] = plan.after;
            break;
          }
        }
        const go = join(dir, `go-${round}`);
        writeFileSync(`${go}.part`, JSON.stringify({ at: Date.now() + 50, changes }));
        renameSync(`${go}.part`, go);
        const results = await Promise.all(
          ["a", "b"].map((id) =>
            waitFor(join(dir, `result-${round}-${id}`), `worker ${id}'s result (round ${round})`),
          ),
        );
        const winners = ["a", "b"].filter((_, i) => results[i] === "ok");
        const losers = results.filter((r) => r.startsWith("conflict: "));
        if (winners.length !== 1 || losers.length !== 1) {
          problems.push(`round ${round}: ${results.join(" | ")}`);
          continue;
        }
        const text = readFileSync(entry, "utf8");
        if (text !== planned[winners[0] as string])
          problems.push(`round ${round}: the file is not the winner's edit`);
      }
    } finally {
      for (const worker of workers) worker.child.kill();
    }
    for (const worker of workers) {
      const { stderr } = await worker.done;
      assert.equal(
        stderr.replace(/\(node:\d+\) Warning:[^\n]*\n[^\n]*\n?/g, ""),
        "",
        "the workers report nothing",
      );
    }
    assert.deepEqual(problems, [], "every round: one save, one conflict, the file holding the saved edit");
  });
});

/** One save in a process of its own: prints how it went and how long it took. */
const ONE_SAVE = `
import { setRaciCell } from ${src("app/raci-cell.ts")};
import { ModelWorkspace } from ${src("app/workspace.ts")};
import { fsHost } from ${src("io/fs-host.ts")};

const [entry, column, letters] = process.argv.slice(2);
const ws = new ModelWorkspace(entry, fsHost, { today: () => ${JSON.stringify(TODAY)}, evidence: "never" });
const { etag } = await ws.current();
const start = Date.now();
try {
  await setRaciCell(ws, { activity: "ci-cd-pipeline", column, letters }, etag);
  console.log(JSON.stringify({ result: "ok", ms: Date.now() - start }));
} catch (error) {
  console.log(JSON.stringify({ result: error.name + ": " + error.message, ms: Date.now() - start }));
}
`;

function saveInAnotherProcess(dir: string, entry: string, column: string, letters: string) {
  const script = join(dir, "one-save.mts");
  writeFileSync(script, ONE_SAVE);
  return new Promise<{ result: string; ms: number }>((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", script, entry, column, letters], {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    child.stdout.on("data", (chunk) => {
      out += chunk;
    });
    child.on("close", () => {
      try {
        resolve(JSON.parse(out));
      } catch {
        reject(new Error(`no result: ${out}`));
      }
    });
  });
}

describe("the lock every save takes", () => {
  const model = (name: string) => {
    const dir = join(tmp, name);
    mkdirSync(dir);
    const entry = join(dir, "mlteam.yaml");
    writeFileSync(entry, MODEL);
    return { dir, entry };
  };

  it("makes another process wait, then refuse, while one holds it; the save goes through once it is let go", async () => {
    const { dir, entry } = model("held");
    const lock = await acquireFileLock(entry);
    let released = false;
    try {
      const refused = await saveInAnotherProcess(dir, entry, "person:bob", "C");
      assert.equal(refused.result, "ConflictError: another edit is being saved; try again");
      assert.ok(refused.ms >= 1500, `it waited for the lock (${refused.ms} ms)`);
      assert.equal(readFileSync(entry, "utf8"), MODEL, "nothing was written");
      // Let go while the other process waits: it saves.
      const waiting = saveInAnotherProcess(dir, entry, "person:bob", "C");
      setTimeout(() => {
        lock.release();
        released = true;
      }, 1500);
      const saved = await waiting;
      assert.equal(saved.result, "ok");
      assert.ok(released, "it saved only after the lock was let go");
    } finally {
      lock.release();
    }
    assert.deepEqual(lettersOf(readFileSync(entry, "utf8"), 0), {
      R: ["ann"],
      A: ["ann"],
      C: ["person:bob"],
    });
    assert.ok(!existsSync(lockFileOf(entry)), "no lock left behind");
  });

  it("refuses in the same process too, and a save leaves no lock behind", async () => {
    const { entry } = model("same-process");
    const lock = await acquireFileLock(entry);
    await assert.rejects(acquireFileLock(entry, { waitMs: 50 }), FileLockBusyError);
    lock.release();
    const ws = workspace(entry);
    const { etag } = await ws.current();
    await setRaciCell(ws, { activity: "ci-cd-pipeline", column: "person:bob", letters: "I" }, etag);
    assert.ok(!existsSync(lockFileOf(entry)));
    assert.deepEqual(lettersOf(readFileSync(entry, "utf8"), 0), {
      R: ["ann"],
      A: ["ann"],
      I: ["person:bob"],
    });
  });

  it("takes over a lock whose process is gone, or that is too old", async () => {
    const { entry } = model("stale");
    const dead = spawnSync(process.execPath, ["-e", "console.log(process.pid)"], {
      encoding: "utf8",
    }).stdout.trim();
    writeFileSync(lockFileOf(entry), `${dead} ${hostname()} abandoned\n`);
    const taken = await acquireFileLock(entry, { waitMs: 0 });
    assert.notEqual(readFileSync(lockFileOf(entry), "utf8"), `${dead} ${hostname()} abandoned\n`);
    taken.release();
    // A live process's lock (our own pid) is taken over only once it is older than `staleMs`.
    writeFileSync(lockFileOf(entry), `${process.pid} ${hostname()} hung\n`);
    await assert.rejects(acquireFileLock(entry, { waitMs: 0 }), FileLockBusyError);
    const old = new Date(Date.now() - 60_000);
    utimesSync(lockFileOf(entry), old, old);
    (await acquireFileLock(entry, { waitMs: 0 })).release();
    // An empty lock (its holder died before writing who it is) is judged by its age alone.
    writeFileSync(lockFileOf(entry), "");
    await assert.rejects(acquireFileLock(entry, { waitMs: 0 }), FileLockBusyError);
    utimesSync(lockFileOf(entry), old, old);
    (await acquireFileLock(entry, { waitMs: 0 })).release();
    assert.ok(!existsSync(lockFileOf(entry)));
  });

  it("never removes a lock that another process took over", async () => {
    const { entry } = model("taken-over");
    const mine = await acquireFileLock(entry);
    writeFileSync(lockFileOf(entry), `${process.pid} ${hostname()} someone-else\n`);
    mine.release();
    assert.equal(readFileSync(lockFileOf(entry), "utf8"), `${process.pid} ${hostname()} someone-else\n`);
    rmSync(lockFileOf(entry));
  });

  it("stands beside the file a symbolic link points to", () => {
    const { dir, entry } = model("linked");
    symlinkSync(entry, join(dir, "team.yaml"));
    assert.equal(lockFileOf(join(dir, "team.yaml")), join(dir, ".mlteam.yaml.mlteam-lock"));
  });
});
