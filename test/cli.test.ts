import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { TODAY } from "./helpers.ts";

const ROOT = join(import.meta.dirname, "..");
const BIN = join(ROOT, "dist", "cli", "main.js");
const tmp = mkdtempSync(join(tmpdir(), "mlteam-cli-"));
after(() => rmSync(tmp, { recursive: true, force: true }));

function run(args: string[], cwd = ROOT, env: NodeJS.ProcessEnv = { NO_COLOR: "1", MLTEAM_TODAY: TODAY }) {
  assert.ok(existsSync(BIN), "build first: npm run build");
  const { NO_COLOR: _noColor, FORCE_COLOR: _forceColor, ...inherited } = process.env;
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: "utf8",
    env: { ...inherited, ...env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("mlteam (the built CLI)", () => {
  it("doctor prints the verdict first, then findings by severity, and exits 1 on errors", () => {
    const r = run(["doctor", "examples/meghan-story"]);
    assert.equal(r.code, 1);
    const lines = r.stdout.split("\n");
    // The first line is the most severe finding: what rests on Meghan alone.
    assert.match(
      lines[0] ?? "",
      /^✖ 4 errors need attention — first: 5 activities rest on Meghan Doyle alone/,
    );
    assert.ok(r.stdout.indexOf("Errors (4)") < r.stdout.indexOf("Warnings ("));
    assert.ok(r.stdout.indexOf("Warnings (") < r.stdout.indexOf("Info ("));
    assert.match(
      r.stdout,
      /raci +examples\/meghan-story\/mlteam\.yaml:\d+:\d+ {2}"Monitoring setup" has 2 Accountables .* {2}raci\/single-accountable/,
    );
    // A fix once, under its first finding; a finding's own fix names its case.
    const recordFix = r.stdout.split("\n").filter((l) => /fix: Record each person's level/.test(l));
    assert.equal(recordFix.length, 1);
    assert.match(r.stdout, /fix: List them: `stakeholders: \[\{ kind: ciso, name: … \}\]`/);
    assert.match(r.stdout, /✖ 24 problems \(4 errors, 17 warnings, 3 info\)/);
    assert.ok(!r.stdout.includes("\u001b["), "NO_COLOR turns colour off");
    assert.equal(r.stderr, "");
  });

  it("doctor colours its text when asked to (FORCE_COLOR) and not when piped", () => {
    assert.ok(
      run(["doctor", "examples/meghan-story"], ROOT, { FORCE_COLOR: "1" }).stdout.includes("\u001b["),
    );
    assert.ok(!run(["doctor", "examples/meghan-story"], ROOT, {}).stdout.includes("\u001b["));
  });

  it("doctor exits 0 with warnings only, and prints JSON", () => {
    const r = run(["doctor", "examples/first-use-case", "--format", "json"]);
    assert.equal(r.code, 0);
    const json = JSON.parse(r.stdout);
    assert.equal(json.findings.length, 9);
    for (const f of json.findings) {
      assert.match(f.ruleId, /^[a-z]+\/[a-z-]+$/);
      assert.ok(["warn", "info"].includes(f.severity));
      assert.equal(typeof f.message, "string");
      assert.equal(f.location.file, "examples/first-use-case/mlteam.yaml");
      assert.equal(typeof f.location.line, "number");
      assert.equal(typeof f.location.column, "number");
    }
    assert.deepEqual(json.summary, { errors: 0, warnings: 6, info: 3, suppressed: 0 });
    assert.equal(typeof json.score.overall, "number");
    assert.equal(typeof json.score.coverage.overall, "number");
    assert.deepEqual(Object.keys(json.score.areas).slice(0, 3), ["risk", "leadership", "raci"]);
  });

  it("doctor prints the health score, explains it, and writes Markdown and SARIF", () => {
    const text = run(["doctor", "examples/meghan-story", "--explain"]);
    assert.match(text.stdout, /^Health \d+\/100 \(coverage 100 %\) — risk \d+ · leadership \d+ · raci \d+/m);
    assert.match(text.stdout, /How the score is made/);
    assert.match(text.stdout, /×0\.\d\d {2}risk\/single-point-of-failure × 1 {2}−[\d.]+ overall/);
    const markdown = run(["doctor", "examples/meghan-story", "--format", "markdown"]);
    assert.equal(markdown.code, 1);
    assert.match(markdown.stdout, /^## mlteam doctor — Brightfield Home Goods$/m);
    assert.match(
      markdown.stdout,
      /^\*\*🔴 4 errors need attention — first: 5 activities rest on Meghan Doyle alone/m,
    );
    assert.match(markdown.stdout, /^\| leadership \| 🔴 the ML team has no executive sponsor/m);
    const sarif = run(["doctor", "examples/meghan-story", "--format", "sarif"]);
    assert.equal(JSON.parse(sarif.stdout).version, "2.1.0");
  });

  it("refuses a malformed MLTEAM_TODAY", () => {
    const r = run(["doctor", "examples/first-use-case"], ROOT, { NO_COLOR: "1", MLTEAM_TODAY: "22/11/2026" });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /MLTEAM_TODAY must be a date written YYYY-MM-DD, got "22\/11\/2026"/);
  });

  it("validate lists every problem with file:line:col, exits 2, and leaves the file untouched", () => {
    const file = join(tmp, "bad.yaml");
    const text =
      "organisation: { name: O, stage: scalin }\npeople:\n  - { id: a, name: A, roles: [{ role: data-scientst, allocation: x }] }\n";
    writeFileSync(file, text);
    const before = statSync(file).mtimeMs;
    const r = run(["validate", file]);
    assert.equal(r.code, 2);
    const lines = r.stdout.trim().split("\n");
    assert.equal(lines.length, 3, r.stdout);
    assert.match(
      lines[0] ?? "",
      /bad\.yaml:1:33 {2}error {2}organisation\.stage: .*did you mean "scaling"\? {2}\(schema\)$/,
    );
    assert.match(
      lines[1] ?? "",
      /bad\.yaml:3:66 {2}error {2}people\[0\]\.roles\[0\]\.allocation: expected a number, got the text "x" {2}\(schema\)$/,
    );
    assert.equal(lines[2], "✖ 2 errors");
    assert.doesNotMatch(r.stdout + r.stderr, /\n\s+at /, "no stack trace");
    assert.equal(readFileSync(file, "utf8"), text);
    assert.equal(statSync(file).mtimeMs, before);
  });

  it("doctor on invalid input prints the problems to stderr and exits 2", () => {
    const file = join(tmp, "refs.yaml");
    writeFileSync(
      file,
      "organisation: { name: O, stage: starting }\nraci:\n  - { activity: ci-cd-pipeline, R: mlops-enginer }\n",
    );
    const r = run(["doctor", file]);
    assert.equal(r.code, 2);
    assert.equal(r.stdout, "");
    assert.match(
      r.stderr,
      /refs\.yaml:3:36 {2}error {2}raci\[0\]\.R: unknown role or person "mlops-enginer" — did you mean "mlops-engineer"\? {2}\(unknown-reference\)/,
    );
  });

  it("reports a missing model and bad usage with exit 2", () => {
    const missing = run(["doctor"], tmp);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /mlteam\.yaml:1:1 {2}error {2}no model found at mlteam\.yaml/);
    const usage = run(["raci", "--by", "team"]);
    assert.equal(usage.code, 2);
    assert.match(usage.stderr, /Allowed choices are role, person/);
    const unknownCommand = run(["docter"]);
    assert.equal(unknownCommand.code, 2);
    assert.match(unknownCommand.stderr, /unknown command 'docter'/);
  });

  it("raci reproduces 001's matrix on the startup example", () => {
    const r = run(["raci", "examples/startup-full-stack", "--format", "csv"]);
    assert.equal(r.code, 0);
    const lines = r.stdout.trim().split("\n");
    assert.equal(lines[0], "activity,product,data-scientist,ml-engineer,mlops-engineer,data-engineer");
    assert.equal(lines[1], "define-business-problem,,R/A,C,I,I");
    assert.equal(lines[7], "docker-packaging,,C,R,A,I");
    assert.equal(lines[11], "feature-store-management,,C,C,I,R/A");
    assert.equal(lines.length, 12);
  });

  it("raci shows a table by person and refuses an unknown product", () => {
    const table = run(["raci", "examples/embedded-platform", "--by", "person", "--product", "recs"]);
    assert.equal(table.code, 0);
    assert.match(table.stdout, /Model training code \[recs\]/);
    assert.match(table.stdout, /Bea Laurent/);
    const unknown = run(["raci", "examples/embedded-platform", "--product", "rec"]);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /unknown product "rec" — did you mean "recs"\?/);
  });

  it("catalog lists at least 25 roles and 35 activities as JSON, each with its source", () => {
    for (const [kind, min] of [
      ["roles", 25],
      ["activities", 35],
      ["competencies", 8],
      ["topologies", 3],
    ] as const) {
      const r = run(["catalog", kind, "--format", "json"]);
      assert.equal(r.code, 0);
      const entries = JSON.parse(r.stdout) as { id: string; source: string }[];
      assert.ok(entries.length >= min, `${kind}: ${entries.length}`);
      for (const e of entries) assert.match(e.source, /^00[0-3]/, e.id);
    }
    const one = run(["catalog", "roles", "inside-to-outside"]);
    assert.match(
      one.stdout,
      /titles: product owner, project manager, data science manager, requirements engineer/,
    );
    const miss = run(["catalog", "activities", "ci-cd"]);
    assert.equal(miss.code, 2);
    assert.match(miss.stderr, /no activity "ci-cd" in the catalog/);
  });

  it("init writes a model that doctor accepts, and never overwrites without --force", () => {
    // A project where mlteam is installed: the schema reference points into its node_modules.
    const project = join(tmp, "project");
    mkdirSync(join(project, "node_modules"), { recursive: true });
    symlinkSync(ROOT, join(project, "node_modules", "mlteam"));
    const dir = join(project, "new-team");
    const first = run(["init", dir, "--template", "central-platform", "--name", "Acme: Analytics"]);
    assert.equal(first.code, 0, first.stderr);
    const written = readFileSync(join(dir, "mlteam.yaml"), "utf8");
    assert.match(written, /name: "Acme: Analytics"/);
    assert.match(written, /^# yaml-language-server: \$schema=.*schema\/mlteam\.schema\.json$/m);
    const schemaPath = /\$schema=(.*)$/m.exec(written)?.[1] ?? "";
    assert.equal(schemaPath, "../node_modules/mlteam/schema/mlteam.schema.json");
    assert.ok(existsSync(join(dir, schemaPath)), `the schema reference resolves: ${schemaPath}`);
    const doctor = run(["doctor"], dir);
    assert.equal(doctor.code, 1, "valid input; the template's error findings give exit 1");
    assert.match(doctor.stdout, /problems/);
    const again = run(["init", dir, "--template", "first-use-case"]);
    assert.equal(again.code, 2);
    assert.match(again.stderr, /already exists; pass --force/);
    assert.equal(readFileSync(join(dir, "mlteam.yaml"), "utf8"), written);
    assert.equal(run(["init", dir, "--template", "first-use-case", "--force"]).code, 0);
    assert.match(readFileSync(join(dir, "mlteam.yaml"), "utf8"), /Harbour Logistics/);
    const bad = run(["init", join(tmp, "x"), "--template", "startup"]);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /unknown template "startup"/);
  });

  it("init with no template and no terminal uses the first-use-case template", () => {
    const dir = join(tmp, "default");
    assert.equal(run(["init", dir]).code, 0);
    assert.match(readFileSync(join(dir, "mlteam.yaml"), "utf8"), /first ML use case/);
  });

  it("whatif shows what Meghan's absence costs, and ranks her first", () => {
    const away = run(["whatif", "examples/meghan-story", "--without", "meghan"]);
    assert.equal(away.code, 0, away.stderr);
    assert.match(away.stdout, /^What if Meghan Doyle \(meghan\) is away\?$/m);
    assert.match(away.stdout, /^Health \d+ → \d+ \(-\d+\)$/m);
    assert.match(away.stdout, /^ {2}ci-cd-pipeline: no R, no A$/m);
    const rank = run(["whatif", "examples/meghan-story", "--rank", "--format", "json"]);
    const ranking = JSON.parse(rank.stdout).ranking;
    assert.equal(ranking[0].person, "meghan");
    assert.ok(ranking[0].scoreDelta < 0);
    const bad = run(["whatif", "examples/meghan-story", "--without", "megan"]);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /unknown person "megan" — did you mean "meghan"\?/);
    const nothing = run(["whatif", "examples/meghan-story"]);
    assert.equal(nothing.code, 2);
    assert.match(nothing.stderr, /say what to change/);
  });

  it("recommend explains the topology, the next hires and the upskilling", () => {
    const r = run(["recommend", "examples/meghan-story"]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(
      r.stdout,
      /^Topology\n {2}Centralized ML platform \(centralized\) — centralized as declared fits$/m,
    );
    assert.match(r.stdout, /001 §3\.3: best for/);
    assert.match(r.stdout, /^ {2}1\. [a-z-]+: weighted findings \d+ → \d+, health \d+ → \d+$/m);
    assert.match(
      r.stdout,
      /^ {2}statistics-ml: only one person has it at level 3; .*\n {5}closest: Sofia Brandt \(2\/3\)$/m,
    );
  });

  it("export writes a file atomically, and refuses a missing format", () => {
    const file = join(tmp, "out", "CODEOWNERS");
    const r = run(["export", "examples/meghan-story", "--format", "codeowners", "--out", file]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(readFileSync(file, "utf8"), /^\.github\/workflows\/\*\* @mdoyle$/m);
    const unwritable = run([
      "export",
      "examples/meghan-story",
      "--format",
      "csv",
      "--out",
      "/etc/passwd/x.csv",
    ]);
    assert.equal(unwritable.code, 2);
    assert.match(unwritable.stderr, /^error: cannot write \/etc\/passwd\/x\.csv: E[A-Z]+$/m);
    const missing = run(["export", "examples/meghan-story"]);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /required option '-f, --format <format>' not specified/);
  });

  it("import merges a CSV roster into a model, keeping its comments, and says what it changed", () => {
    const dir = join(tmp, "import");
    mkdirSync(dir, { recursive: true });
    const model = join(dir, "mlteam.yaml");
    writeFileSync(
      model,
      "# keep me\norganisation: { name: O, stage: starting }\npeople:\n  - { id: ada, name: Ada }\n",
    );
    writeFileSync(
      join(dir, "roster.csv"),
      "name,email,title\nAda,ada@x.org,Data Scientist\nBo Chen,bo@x.org,MLOps Engineer\n",
    );
    const r = run(["import", "--from", "csv", join(dir, "roster.csv"), "--into", model]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /matched Ada → ada \(by id\)/);
    assert.match(
      r.stdout,
      /added 1 \(person bo\); updated 1 \(person ada in .*mlteam\.yaml \(emails, titles, roles\)\)/,
    );
    const text = readFileSync(model, "utf8");
    assert.ok(text.startsWith("# keep me\n"));
    assert.match(text, /id: bo\n\s+name: Bo Chen/);
    assert.equal(run(["validate", model]).code, 0);
    const bad = run(["import", "--from", "backstage", join(dir, "roster.csv")]);
    assert.equal(bad.code, 2, "a CSV read as Backstage YAML has no entities: nothing usable");
    assert.match(bad.stderr, /no Group or User entities found.*Location targets/);
    assert.doesNotMatch(bad.stderr, /at \w+ \(/, "no stack trace");
    const missing = run(["import", "--from", "csv", join(dir, "nope.csv")]);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /no such file/);
  });

  it("serve starts quickly on loopback, answers the API, and needs a token elsewhere", async () => {
    const { spawn } = await import("node:child_process");
    const started = Date.now();
    const child = spawn(process.execPath, [BIN, "serve", "examples/meghan-story", "--port", "0"], {
      cwd: ROOT,
      env: { ...process.env, NO_COLOR: "1" },
    });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on("data", (d: Buffer) => {
          const m = /at (http:\/\/[^ ]+\/)/.exec(d.toString());
          if (m) resolve(m[1] as string);
        });
        child.on("exit", (code) => reject(new Error(`serve exited with ${code}`)));
      });
      assert.ok(Date.now() - started < 3000, "prints its URL promptly");
      const response = await fetch(`${url}api/model`);
      assert.equal(response.status, 200);
      assert.ok(response.headers.get("etag"));
    } finally {
      child.kill();
    }
    // --open hands the URL to the desktop's opener; with none on PATH it says so and keeps serving.
    const opening = spawn(
      process.execPath,
      [BIN, "serve", "examples/meghan-story", "--port", "0", "--open"],
      {
        cwd: ROOT,
        env: { ...process.env, NO_COLOR: "1", PATH: tmp },
      },
    );
    try {
      const said = await new Promise<string>((resolve, reject) => {
        let text = "";
        opening.stdout.on("data", (d: Buffer) => {
          text += d.toString();
          if (/could not open a browser: open http:\/\/[^ ]+ yourself/.test(text)) resolve(text);
        });
        opening.on("exit", (code) => reject(new Error(`serve exited with ${code}: ${text}`)));
      });
      assert.match(said, /mlteam is serving/);
    } finally {
      opening.kill();
    }
    const open = run(["serve", "examples/meghan-story", "--host", "0.0.0.0"]);
    assert.equal(open.code, 2);
    assert.match(open.stderr, /needs a token/);
  });

  it("keeps --format json and sarif one document when a command fails before printing its own", () => {
    const cases: [string[], RegExp][] = [
      [["whatif", "nope.yaml", "--without", "x", "--format", "json"], /no model found at nope\.yaml/],
      [["recommend", "nope.yaml", "--format", "json"], /no model found at nope\.yaml/],
      [["raci", "nope.yaml", "--format", "json"], /no model found at nope\.yaml/],
      [["export", "nope.yaml", "--format", "json"], /no model found at nope\.yaml/],
      [["whatif", "examples/meghan-story", "--without", "nobody", "--format", "json"], /nobody/],
      [["evidence", "--repo", ".", "--filter", "py", "--format", "json"], /argument 'py' is invalid/],
      [["catalog", "show", "--format=json"], /'show' is invalid for argument 'kind'/],
    ];
    for (const [args, message] of cases) {
      const r = run(args);
      assert.equal(r.code, 2, args.join(" "));
      const doc = JSON.parse(r.stdout);
      assert.equal(doc.valid, false, args.join(" "));
      assert.match(doc.error, message, args.join(" "));
      assert.ok(Array.isArray(doc.diagnostics));
    }
    const located = JSON.parse(run(["recommend", "nope.yaml", "--format", "json"]).stdout);
    assert.deepEqual(
      located.diagnostics.map((d: { file: string; line: number; code: string }) => [d.file, d.line, d.code]),
      [["nope.yaml", 1, "file-not-found"]],
    );
    const sarif = run(["doctor", "examples/meghan-story", "--min-score", "abc", "--format", "sarif"]);
    assert.equal(sarif.code, 2);
    const invocation = JSON.parse(sarif.stdout).runs[0].invocations[0];
    assert.equal(invocation.executionSuccessful, false);
    assert.match(invocation.toolExecutionNotifications[0].message.text, /--min-score must be a whole number/);
    // Text formats stay quiet on stdout.
    assert.equal(run(["recommend", "nope.yaml"]).stdout, "");
  });

  it("has --help with examples for every command", () => {
    for (const command of [
      "init",
      "validate",
      "doctor",
      "whatif",
      "recommend",
      "evidence",
      "export",
      "raci",
      "catalog",
    ]) {
      const r = run([command, "--help"]);
      assert.equal(r.code, 0);
      assert.match(r.stdout, /Examples:/, command);
    }
  });
});
