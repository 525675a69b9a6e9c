/** Files the user wrote are never lost, half-written or read from where they should not be. */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { runRules } from "../src/analysis/engine.ts";
import { defineRule } from "../src/analysis/rule.ts";
import { checkTeam } from "../src/app/check-team.ts";
import { setRaciCell } from "../src/app/raci-cell.ts";
import { ModelWorkspace } from "../src/app/workspace.ts";
import { fsHost } from "../src/io/fs-host.ts";
import { cleanStaleTemps, writeFileAtomic } from "../src/io/write-atomic.ts";
import { checkText, TODAY } from "./helpers.ts";

const tmp = mkdtempSync(join(tmpdir(), "mlteam-files-"));
after(() => rmSync(tmp, { recursive: true, force: true }));

const MODEL =
  "organisation: { name: F, stage: starting }\npeople:\n  - { id: ann, name: Ann, roles: [mlops-engineer] }\nraci:\n  - { activity: ci-cd-pipeline, R: ann, A: ann }\n";

const workspace = (entry: string) =>
  new ModelWorkspace(entry, fsHost, { today: () => TODAY, evidence: "never" });

async function edit(entry: string) {
  const ws = workspace(entry);
  const { etag } = await ws.current();
  return setRaciCell(ws, { activity: "ci-cd-pipeline", column: "person:ann", letters: "R" }, etag);
}

describe("writing the model back", () => {
  it("keeps CRLF line endings and the file's mode", async () => {
    const dir = join(tmp, "crlf");
    mkdirSync(dir);
    const file = join(dir, "mlteam.yaml");
    writeFileSync(file, MODEL.replace(/\n/g, "\r\n"), { mode: 0o640 });
    await edit(file);
    const text = readFileSync(file, "utf8");
    assert.ok(!/[^\r]\n/.test(text), "every line ends with CRLF");
    assert.match(text, /- \{ activity: ci-cd-pipeline, R: ann \}\r\n/);
    assert.equal(statSync(file).mode & 0o777, 0o640);
  });

  it("follows a symlinked model to its target and keeps the link", async () => {
    const dir = join(tmp, "link");
    mkdirSync(join(dir, "real"), { recursive: true });
    writeFileSync(join(dir, "real", "team.yaml"), MODEL);
    symlinkSync(join(dir, "real", "team.yaml"), join(dir, "mlteam.yaml"));
    await edit(join(dir, "mlteam.yaml"));
    assert.ok(lstatSync(join(dir, "mlteam.yaml")).isSymbolicLink(), "still a link");
    assert.match(readFileSync(join(dir, "real", "team.yaml"), "utf8"), /activity: ci-cd-pipeline, R: ann }/);
    assert.deepEqual(readdirSync(join(dir, "real")), ["team.yaml"], "no temporary file left");
  });

  it("removes temporary files that a crashed run left, and not a live one's", () => {
    const dir = join(tmp, "stale");
    mkdirSync(dir);
    const dead = spawnSync(process.execPath, ["-e", "console.log(process.pid)"], {
      encoding: "utf8",
    }).stdout.trim();
    writeFileSync(join(dir, `.mlteam.yaml.mlteam-${dead}-1.tmp`), "half");
    writeFileSync(join(dir, `.mlteam.yaml.mlteam-${process.pid}-2.tmp`), "mine");
    assert.deepEqual(cleanStaleTemps(dir), [`.mlteam.yaml.mlteam-${dead}-1.tmp`]);
    writeFileAtomic(join(dir, "mlteam.yaml"), MODEL);
    assert.deepEqual(readdirSync(dir).sort(), [`.mlteam.yaml.mlteam-${process.pid}-2.tmp`, "mlteam.yaml"]);
  });
});

describe("the model's version", () => {
  it("changes when a YAML file is added to an included directory or a directory model", async () => {
    const dir = join(tmp, "dirs");
    mkdirSync(join(dir, "teams"), { recursive: true });
    writeFileSync(
      join(dir, "mlteam.yaml"),
      "organisation: { name: D, stage: starting }\ninclude: [teams/]\n",
    );
    writeFileSync(join(dir, "teams", "a.yaml"), "people: [{ id: ann, name: Ann }]\n");
    const ws = workspace(join(dir, "mlteam.yaml"));
    const first = await ws.current();
    writeFileSync(join(dir, "teams", "b.yaml"), "people: [{ id: bob, name: Bob }]\n");
    const second = await ws.current();
    assert.notEqual(second.etag, first.etag);
    assert.equal(second.check.model.people.length, 2);

    const bare = join(tmp, "bare");
    mkdirSync(bare);
    writeFileSync(join(bare, "org.yaml"), "organisation: { name: D, stage: starting }\n");
    const bareWs = workspace(bare);
    const before = await bareWs.current();
    writeFileSync(join(bare, "people.yaml"), "people: [{ id: ann, name: Ann }]\n");
    assert.notEqual((await bareWs.current()).etag, before.etag);
  });
});

describe("reading includes", () => {
  it("refuses a FIFO in an included directory without blocking on it", {
    skip: !existsSync("/usr/bin/mkfifo") && "no mkfifo here",
  }, async () => {
    const dir = join(tmp, "fifo");
    mkdirSync(join(dir, "teams"), { recursive: true });
    writeFileSync(
      join(dir, "mlteam.yaml"),
      "organisation: { name: P, stage: starting }\ninclude: [teams/]\n",
    );
    writeFileSync(join(dir, "teams", "a.yaml"), "people: []\n");
    spawnSync("mkfifo", [join(dir, "teams", "pipe.yaml")]);
    const check = await checkTeam(join(dir, "mlteam.yaml"), {
      host: fsHost,
      today: TODAY,
      validateOnly: true,
    });
    const problem = check.diagnostics.find((d) => d.code === "unsafe-include");
    assert.ok(problem, JSON.stringify(check.diagnostics));
    assert.match(problem.message, /pipe\.yaml is not a regular file or a directory/);
  });
});

describe("a folder model's files", () => {
  it("are refused when a link leads outside the folder, so neither reading nor a RACI edit reaches that file", async () => {
    const dir = join(tmp, "folder-model");
    const outside = join(tmp, "outside");
    mkdirSync(dir, { recursive: true });
    mkdirSync(outside, { recursive: true });
    writeFileSync(join(dir, "org.yaml"), "organisation: { name: F, stage: starting }\n");
    const secret =
      "people:\n  - { id: ann, name: Ann, roles: [mlops-engineer] }\nraci:\n  - { activity: ci-cd-pipeline, R: ann, A: ann }\n";
    writeFileSync(join(outside, "team.yaml"), secret);
    symlinkSync(join(outside, "team.yaml"), join(dir, "team.yaml"));
    const check = await checkTeam(dir, { host: fsHost, today: TODAY, validateOnly: true });
    const problem = check.diagnostics.find((d) => d.code === "unsafe-include");
    assert.ok(problem, JSON.stringify(check.diagnostics));
    assert.match(problem.message, /team\.yaml leads outside the model's folder/);
    assert.equal(check.model.people.length, 0, "the linked file was not read");
    await assert.rejects(edit(dir));
    assert.equal(readFileSync(join(outside, "team.yaml"), "utf8"), secret, "the outside file is untouched");
  });

  it("are read when a link stays inside the folder, and a file named on its own is read wherever its link leads", async () => {
    const dir = join(tmp, "folder-inside");
    mkdirSync(join(dir, "real"), { recursive: true });
    writeFileSync(join(dir, "real", "all.yml"), MODEL);
    symlinkSync(join(dir, "real", "all.yml"), join(dir, "team.yaml"));
    const inside = await checkTeam(dir, { host: fsHost, today: TODAY, validateOnly: true });
    assert.deepEqual(inside.diagnostics, []);
    const named = join(tmp, "named.yaml");
    symlinkSync(join(dir, "real", "all.yml"), named);
    const check = await checkTeam(named, { host: fsHost, today: TODAY, validateOnly: true });
    assert.deepEqual(check.diagnostics, []);
  });
});

describe("a rule that throws", () => {
  it("becomes an internal finding for that rule, and the other rules still run", () => {
    const broken = defineRule({
      id: "test/broken",
      meta: { area: "test", severity: "warn", description: "d", rationale: "r", source: "000 §1", fix: "f" },
      check() {
        throw new Error("boom");
      },
    });
    const fine = defineRule({
      id: "test/fine",
      meta: { area: "test", severity: "info", description: "d", rationale: "r", source: "000 §1", fix: "f" },
      check({ report }) {
        report({ message: "still here" });
      },
    });
    const { graph } = checkText(MODEL, []);
    const result = runRules(graph, [broken, fine]);
    assert.deepEqual(
      result.findings.map((f) => [f.ruleId, f.severity, f.message.slice(0, 36)]),
      [
        ["test/broken", "error", "internal error in rule test/broken: "],
        ["test/fine", "info", "still here"],
      ],
    );
  });
});
