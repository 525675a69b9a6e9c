/**
 * What CI relies on: machine formats stay whole documents on an invalid model, the doctor's gates,
 * a closed pipe, templates that validate as written, and includes that cannot reach outside.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import AjvDraft04 from "ajv-draft-04";
import { TEMPLATES } from "../src/catalog/templates.ts";
import { TODAY } from "./helpers.ts";

const ROOT = join(import.meta.dirname, "..");
const BIN = join(ROOT, "dist", "cli", "main.js");
const tmp = mkdtempSync(join(tmpdir(), "mlteam-outputs-"));
after(() => rmSync(tmp, { recursive: true, force: true }));

function run(args: string[], cwd = ROOT) {
  assert.ok(existsSync(BIN), "build first: npm run build");
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", MLTEAM_TODAY: TODAY },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const broken = join(tmp, "broken.yaml");
writeFileSync(
  broken,
  "organisation: { name: B, stage: scaling }\npeople:\n  - { id: ann, name: Ann, roles: [{ role: mlops-enginer }] }\nraci:\n  - { activity: ci-cd-pipeline, R: nobody }\n",
);

describe("the doctor on an invalid model", () => {
  it("prints valid SARIF 2.1.0 with the problems located in the YAML, and exits 2", () => {
    const r = run(["doctor", broken, "--format", "sarif"]);
    assert.equal(r.code, 2);
    const log = JSON.parse(r.stdout) as {
      runs: {
        results: { ruleId: string; locations: { physicalLocation: { region: { startLine: number } } }[] }[];
      }[];
    };
    const schema = JSON.parse(
      readFileSync(join(import.meta.dirname, "fixtures", "sarif-schema-2.1.0.json"), "utf8"),
    );
    const validate = new AjvDraft04.default({ strict: false }).compile(schema);
    assert.ok(validate(log), JSON.stringify(validate.errors));
    const results = log.runs[0]?.results ?? [];
    assert.deepEqual(
      results.map((x) => [x.ruleId, x.locations[0]?.physicalLocation.region.startLine]),
      [
        ["input/unknown-reference", 3],
        ["input/unknown-reference", 5],
      ],
    );
    assert.match(r.stderr, /broken\.yaml:3:\d+ {2}error/);
  });

  it("prints a JSON document with the diagnostics, and a Markdown report", () => {
    const json = run(["doctor", broken, "--format", "json"]);
    assert.equal(json.code, 2);
    const body = JSON.parse(json.stdout) as { valid: boolean; diagnostics: unknown[]; score: null };
    assert.equal(body.valid, false);
    assert.equal(body.diagnostics.length, 2);
    const markdown = run(["doctor", broken, "--format", "markdown"]);
    assert.equal(markdown.code, 2);
    assert.match(markdown.stdout, /\*\*The model is invalid\*\* \(2 errors\)/);
  });

  it("keeps SARIF valid when the file cannot even be parsed", () => {
    const bad = join(tmp, "syntax.yaml");
    writeFileSync(bad, "organisation: { name: [\n");
    const r = run(["doctor", bad, "--format", "sarif"]);
    assert.equal(r.code, 2);
    const log = JSON.parse(r.stdout) as { runs: { results: { ruleId: string }[] }[] };
    assert.equal(log.runs[0]?.results[0]?.ruleId, "input/yaml-syntax");
  });
});

describe("the doctor's CI gates", () => {
  it("exits 1 past --max-warnings or under --min-score, and says why", () => {
    // startup-full-stack has warnings and no errors.
    const clean = run(["doctor", "examples/startup-full-stack", "--format", "json"]);
    const { summary, score } = JSON.parse(clean.stdout) as {
      summary: { errors: number; warnings: number };
      score: { overall: number };
    };
    assert.equal(summary.errors, 0);
    assert.ok(summary.warnings > 0);
    assert.equal(
      run(["doctor", "examples/startup-full-stack", "--max-warnings", String(summary.warnings)]).code,
      0,
    );
    const tooMany = run([
      "doctor",
      "examples/startup-full-stack",
      "--max-warnings",
      String(summary.warnings - 1),
    ]);
    assert.equal(tooMany.code, 1);
    assert.match(
      tooMany.stdout,
      new RegExp(`gate: ${summary.warnings} warnings, more than --max-warnings ${summary.warnings - 1}`),
    );
    const low = run([
      "doctor",
      "examples/startup-full-stack",
      "--min-score",
      String(score.overall + 1),
      "--format",
      "json",
    ]);
    assert.equal(low.code, 1);
    assert.doesNotThrow(() => JSON.parse(low.stdout), "the JSON stays whole");
    assert.match(low.stderr, /below --min-score/);
    const bad = run(["doctor", "examples/startup-full-stack", "--min-score", "120"]);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--min-score must be a whole number from 0 to 100, got "120"/);
  });

  it("ends quietly when the reader closes the pipe", () => {
    const r = spawnSync("bash", ["-c", `node ${BIN} doctor examples/meghan-story | head -1`], {
      cwd: ROOT,
      encoding: "utf8",
      env: { ...process.env, NO_COLOR: "1", MLTEAM_TODAY: TODAY },
    });
    assert.equal(r.stdout.split("\n").filter(Boolean).length, 1);
    assert.equal(r.stderr, "", "no stack trace");
  });
});

describe("imports that say what they did", () => {
  it("exits 1 when rows were skipped and 2 when nothing is usable, naming the accepted headers", () => {
    const partial = join(tmp, "hr.csv");
    writeFileSync(
      partial,
      "Full Name,Work Email,Job Title\nAna Costa,ana@x.org,Data Scientist II\n,ghost@x.org,Ghost\n",
    );
    const r = run(["import", "--from", "csv", partial]);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /name: Ana Costa/);
    assert.match(r.stderr, /hr\.csv: 1 person read, 1 row skipped/);
    assert.match(r.stderr, /columns used: Full Name → name; Work Email → email; Job Title → title/);
    const none = join(tmp, "none.csv");
    writeFileSync(none, "Associate,Site\nA,Lisbon\n");
    const bad = run(["import", "--from", "csv", none]);
    assert.equal(bad.code, 2);
    assert.match(
      bad.stderr,
      /no column identifies people: the headers are "Associate", "Site"; accepted for the name: "name", "full name"[\s\S]*ignored: "Associate", "Site"/,
    );
    assert.equal(bad.stdout, "");
  });
});

describe("whatif's variadic flags", () => {
  it("says so when the model path was swallowed by --without", () => {
    const r = run(["whatif", "--without", "meghan", "examples/meghan-story"]);
    assert.equal(r.code, 2);
    assert.match(
      r.stderr,
      /"examples\/meghan-story" was read as part of --without, which takes every word after it: put the model first/,
    );
  });
});

describe("templates and includes", () => {
  for (const template of TEMPLATES) {
    it(`init --template ${template.id} then validate passes`, () => {
      const dir = join(tmp, `init-${template.id}`);
      const init = run(["init", dir, "--template", template.id, "--name", "Acme"]);
      assert.equal(init.code, 0, init.stderr);
      const validate = run(["validate", dir]);
      assert.equal(validate.code, 0, validate.stdout + validate.stderr);
      const first = readFileSync(join(dir, "mlteam.yaml"), "utf8").split("\n")[0] ?? "";
      assert.match(first, /\$schema=(\.\.\/)*node_modules\/mlteam\/schema\/mlteam\.schema\.json$/);
      assert.ok(!first.includes(ROOT), "no path of the machine that ran init");
    });
  }

  it("refuses includes that leave the model's folder or are not regular files, with their location", () => {
    const dir = join(tmp, "includes");
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, "mlteam.yaml"),
      "organisation: { name: I, stage: starting }\ninclude:\n  - ../../../../../../etc/passwd\n  - /dev/zero\n",
    );
    const r = run(["validate", join(dir, "mlteam.yaml")]);
    assert.equal(r.code, 2);
    assert.match(
      r.stdout,
      /mlteam\.yaml:3:5 {2}error {2}include\[0\]: "[./]+etc\/passwd" leads outside the model's folder .*it was not read {2}\(unsafe-include\)/,
    );
    assert.match(
      r.stdout,
      /mlteam\.yaml:4:5 {2}error {2}include\[1\]: "\/dev\/zero" .*(outside|not a regular file)/,
    );
  });
});
