/**
 * `mlteam handover`: the comment-keeping edits, the proposal (successors, conflicts, no successor),
 * the use case (unknown people, --to, a model changed before --apply) and, end to end, Omar leaving
 * a team whose pipeline files Sam wrote (test/fixtures/handover + a git history made here).
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { proposeHandover } from "../src/analysis/handover.ts";
import { ConflictError, InputError, NotFoundError } from "../src/app/errors.ts";
import { applyHandover, planHandover } from "../src/app/handover.ts";
import { fsHost } from "../src/io/fs-host.ts";
import { applyYamlEdits, YamlEditError } from "../src/model/yaml-edit.ts";
import { RepoBuilder } from "./evidence/repo-builder.ts";
import { checkText, memoryHost, TODAY } from "./helpers.ts";

const ROOT = join(import.meta.dirname, "..");
const tmp = mkdtempSync(join(tmpdir(), "mlteam-handover-"));
after(() => rmSync(tmp, { recursive: true, force: true }));

describe("applyYamlEdits keeps every comment", () => {
  const text = `# head
raci:
  - activity: data-pipeline
    R: omar # built the DAGs
    A: "omar"
  - { activity: ci-cd-pipeline, R: [omar, priya], A: dana } # releases
onCall:
  - id: p
    people:
      - omar # nights
      - priya
`;

  it("replaces a value in place, in its quotes, with the comment after it", () => {
    const out = applyYamlEdits(text, [
      { op: "replace", path: ["raci", 0, "R"], from: "omar", to: "sam" },
      { op: "replace", path: ["raci", 0, "A"], from: "omar", to: "dana" },
    ]);
    assert.equal(out, text.replace("R: omar # built", "R: sam # built").replace('A: "omar"', 'A: "dana"'));
  });

  it("removes a list item and adds to a single value, touching only those entries' lines", () => {
    const out = applyYamlEdits(text, [
      { op: "remove", path: ["raci", 1, "R", 0], value: "omar" },
      { op: "remove", path: ["onCall", 0, "people", 0], value: "omar" },
      { op: "add", path: ["raci", 0, "R"], value: "sam" },
    ]);
    const lines = out.split("\n");
    assert.ok(lines.includes("  - { activity: ci-cd-pipeline, R: [ priya ], A: dana } # releases"), out);
    assert.ok(lines.includes("    R: [ omar, sam ] # built the DAGs"), out);
    // The removed item's comment becomes a line of its own before the next item.
    assert.match(out, /people:\n\s+# nights\n\s+- priya/);
    assert.ok(out.startsWith("# head\n"));
  });

  it("keeps CRLF line endings", () => {
    const crlf = text.replace(/\n/g, "\r\n");
    const out = applyYamlEdits(crlf, [{ op: "replace", path: ["raci", 0, "R"], from: "omar", to: "sam" }]);
    assert.equal(out, crlf.replace("R: omar", "R: sam"));
  });

  it("refuses an edit whose value is no longer there", () => {
    assert.throws(
      () => applyYamlEdits(text, [{ op: "replace", path: ["raci", 0, "R"], from: "lee", to: "sam" }]),
      (e: unknown) => e instanceof YamlEditError && /raci\[0\]\.R is no longer "lee"/.test(e.message),
    );
  });
});

const TEAM = `organisation: { name: O, stage: scaling }
people:
  - { id: omar, name: Omar, roles: [{ role: mlops-engineer, allocation: 80 }], skills: { cloud-devops: 4 }, leaves: 2026-12-22 }
  - { id: cy, name: Cy, employment: contractor, roles: [{ role: devops-engineer, allocation: 50 }], skills: { cloud-devops: 4 } }
  - { id: ed, name: Ed, roles: [{ role: mlops-engineer, allocation: 90 }], skills: { cloud-devops: 3 } }
  - { id: flo, name: Flo, roles: [{ role: data-scientist, allocation: 50 }], skills: { cloud-devops: 1 } }
  - { id: gus, name: Gus, roles: [{ role: data-scientist, allocation: 50 }] }
teams: [{ id: t, type: product, members: [omar, cy, ed, flo, gus] }]
products: [{ id: p, team: t, stage: production }]
raci:
  - { activity: ci-cd-pipeline, R: ed, A: omar }
  - { activity: docker-packaging, R: omar, A: ed }
`;

const graphOf = (yaml: string) => checkText(yaml).graph;

describe("proposeHandover", () => {
  it("proposes the employee with the skills as Accountable, never the contractor", () => {
    const proposal = proposeHandover(graphOf(TEAM), { person: "omar", today: TODAY });
    const ci = proposal.responsibilities.find((r) => r.activity === "ci-cd-pipeline");
    assert.equal(ci?.successor?.id, "ed");
    assert.ok(ci?.successor?.reasons.some((r) => r === "skills: cloud-devops 3 (needs 3)"));
    assert.ok(
      !ci?.alternatives.some((a) => a.id === "cy"),
      "a contractor as the only Accountable is a conflict",
    );
    assert.deepEqual(
      ci?.changes.map((c) => [c.path, c.op, c.from, c.to]),
      [[["A"], "replace", "omar", "ed"]],
    );
  });

  it("says when nobody is suitable, and what hire or training would make someone", () => {
    const proposal = proposeHandover(graphOf(TEAM), { person: "omar", today: TODAY });
    const docker = proposal.responsibilities.find((r) => r.activity === "docker-packaging");
    assert.equal(docker?.successor, null);
    assert.equal(docker?.changes.length, 0);
    assert.equal(docker?.need?.hire, "ml-engineer", "the catalog's Responsible for Docker packaging");
    assert.ok(
      docker?.need?.training.some(
        (t) => t.id === "ed" && t.gaps.includes("containerization not recorded (needs 3)"),
      ),
    );
    assert.match(
      docker?.need?.advice ?? "",
      /hire for the role ml-engineer .*, or train Cy \(containerization not recorded \(needs 3\)\) or Ed/,
    );
  });

  it("with --to, gives it to that person and says what speaks against it", () => {
    const proposal = proposeHandover(graphOf(TEAM), { person: "omar", today: TODAY, to: "cy" });
    const ci = proposal.responsibilities.find((r) => r.activity === "ci-cd-pipeline");
    assert.equal(ci?.successor?.id, "cy");
    assert.ok(ci?.successor?.concerns.some((c) => /contractor as the only Accountable/.test(c)));
    assert.ok(ci?.alternatives.some((a) => a.id === "ed"));
  });

  it("ranks the headroom: a successor who would be over-allocated says so", () => {
    const proposal = proposeHandover(graphOf(TEAM), { person: "omar", today: TODAY, to: "ed" });
    const ci = proposal.responsibilities.find((r) => r.activity === "ci-cd-pipeline");
    // Omar's 80% over one R and one A: the A is about a third of it.
    assert.ok(
      ci?.successor?.concerns.some((c) => /about 117% of 100%.*over-allocated/.test(c)),
      JSON.stringify(ci),
    );
  });

  it("never proposes the builder of a high-risk system as its only overseer", () => {
    const yaml = `organisation: { name: O, stage: scaling, frameworks: [eu-ai-act] }
people:
  - { id: omar, name: Omar, roles: [tech-lead], training: [{ topic: human-oversight, date: 2026-01-01 }] }
  - { id: bo, name: Bo, roles: [ml-engineer], skills: { monitoring-logging: 4, statistics-ml: 4 }, training: [{ topic: human-oversight, date: 2026-01-01 }] }
  - { id: di, name: Di, roles: [data-scientist], skills: { monitoring-logging: 2, statistics-ml: 3 } }
teams: [{ id: t, type: product, members: [omar, bo, di] }]
products: [{ id: credit, team: t, stage: production, risk: high, operator: provider, oversight: [omar] }]
raci:
  - { activity: model-training-code, R: bo, A: omar }
`;
    const proposal = proposeHandover(graphOf(yaml), { person: "omar", today: TODAY });
    const oversight = proposal.responsibilities.find((r) => r.kind === "oversight");
    assert.equal(oversight?.successor?.id, "di");
    assert.ok(oversight?.successor?.reasons.includes("independent: does not build credit"));
    assert.ok(!oversight?.alternatives.some((a) => a.id === "bo"));
  });

  it("finds rotations, stakeholder entries and teams led, and a role only the person holds", () => {
    const yaml = `organisation: { name: O, stage: scaling }
people:
  - { id: omar, name: Omar, roles: [data-engineer, team-lead] }
  - { id: sam, name: Sam, roles: [ml-engineer], skills: { data-pipelines: 3, etl: 3 } }
teams: [{ id: t, type: product, members: [omar, sam], lead: omar }]
openings: [{ id: de-2027, role: data-engineer, team: t }]
onCall: [{ id: nights, team: t, people: [omar] }]
stakeholders: [{ kind: evangelist, person: omar }]
raci:
  - { activity: data-pipeline, R: data-engineer, A: sam }
  - { activity: etl-processes, R: sam, A: data-engineer }
`;
    const proposal = proposeHandover(graphOf(yaml), { person: "omar", today: TODAY });
    assert.deepEqual(
      proposal.responsibilities.map((r) => [r.kind, r.successor?.id ?? null]),
      [
        ["raci", "sam"],
        ["raci", "sam"],
        ["onCall", "sam"],
        ["stakeholder", null],
        ["teamLead", "sam"],
      ],
    );
    const [raci, accountable, , stakeholder, lead] = proposal.responsibilities;
    assert.equal(raci?.via, "data-engineer");
    // An R gets the successor beside the role; an A is replaced by them (a row has one Accountable).
    assert.deepEqual(
      raci?.changes.map((c) => [c.op, c.path, c.to]),
      [["add", ["R"], "sam"]],
    );
    assert.deepEqual(
      accountable?.changes.map((c) => [c.op, c.path, c.from, c.to]),
      [["replace", ["A"], "data-engineer", "sam"]],
    );
    assert.match(stakeholder?.need?.advice ?? "", /name the person of the organisation/);
    assert.deepEqual(lead?.openings, ["de-2027"]);
  });

  it("a row that declares the person its backup gets another backup", () => {
    const yaml = `organisation: { name: O, stage: scaling }
people:
  - { id: omar, name: Omar, roles: [data-engineer], skills: { cloud-devops: 3 } }
  - { id: ana, name: Ana, roles: [mlops-engineer], skills: { cloud-devops: 4 } }
  - { id: lu, name: Lu, roles: [platform-engineer], skills: { cloud-devops: 3 } }
  - { id: max, name: Max, roles: [data-scientist] }
raci:
  - { activity: ci-cd-pipeline, R: ana, A: ana, backup: [max, omar] }
`;
    const [backup, ...rest] = proposeHandover(graphOf(yaml), {
      person: "omar",
      today: TODAY,
    }).responsibilities;
    assert.deepEqual(rest, []);
    assert.equal(backup?.kind, "backup");
    // Ana answers for the row and Max already backs it up: Lu, who has the skill, is proposed.
    assert.equal(backup?.successor?.id, "lu");
    assert.deepEqual(
      backup?.changes.map((c) => [c.op, c.path, c.from, c.to]),
      [["replace", ["backup", 1], "omar", "lu"]],
    );
  });

  it("a person who holds nothing has nothing to hand over", () => {
    assert.deepEqual(proposeHandover(graphOf(TEAM), { person: "gus", today: TODAY }).responsibilities, []);
  });
});

describe("planHandover and applyHandover", () => {
  const host = memoryHost({ "mlteam.yaml": TEAM });
  const plan = (person: string, to?: string) =>
    planHandover({ entry: "mlteam.yaml", person, to, date: TODAY, host });

  it("an unknown person is not found, with a suggestion", async () => {
    await assert.rejects(
      plan("omr"),
      (e: unknown) => e instanceof NotFoundError && /no person "omr" — did you mean "omar"\?/.test(e.message),
    );
    await assert.rejects(
      plan("omar", "edd"),
      (e: unknown) => e instanceof NotFoundError && /did you mean "ed"/.test(e.message),
    );
    await assert.rejects(plan("omar", "omar"), InputError);
  });

  it("--to a contractor still shows the handover, with the finding it would add", async () => {
    const { report } = await plan("omar", "cy");
    assert.equal(report.responsibilities.find((r) => r.activity === "ci-cd-pipeline")?.successor?.id, "cy");
    assert.ok(
      report.newFindings.some((f) => f.ruleId === "risk/contractor-accountable"),
      JSON.stringify(report.newFindings),
    );
  });

  it("refuses to write over a model changed since it was read, and writes nothing", async () => {
    const dir = mkdtempSync(join(tmp, "conflict-"));
    const file = join(dir, "mlteam.yaml");
    writeFileSync(file, TEAM);
    const planned = await planHandover({ entry: file, person: "omar", date: TODAY, host: fsHost });
    assert.equal(planned.edits.length, 1);
    const changed = `${TEAM}# someone else's edit\n`;
    writeFileSync(file, changed);
    await assert.rejects(
      applyHandover(planned, fsHost),
      (e: unknown) =>
        e instanceof ConflictError && /changed since it was read; nothing was written/.test(e.message),
    );
    assert.equal(readFileSync(file, "utf8"), changed);
    // Planned again on the new text, it is written.
    const again = await planHandover({ entry: file, person: "omar", date: TODAY, host: fsHost });
    assert.deepEqual(await applyHandover(again, fsHost), ["mlteam.yaml"]);
    assert.match(
      readFileSync(file, "utf8"),
      /\{ activity: ci-cd-pipeline, R: ed, A: ed \}\n.*# someone else's edit/s,
    );
  });
});

describe("mlteam handover, end to end: Omar leaves in 30 days", () => {
  const dir = join(tmp, "team");
  cpSync(join(ROOT, "test", "fixtures", "handover"), dir, { recursive: true });
  const repo = new RepoBuilder(join(dir, "repo"));
  const sam = { name: "Sam Okafor", email: "sam@northwind.example" };
  const omar = { name: "Omar Haddad", email: "omar@northwind.example" };
  const priya = { name: "Priya Nair", email: "priya@northwind.example" };
  const vic = { name: "Vic Moreau", email: "vic@contractor.example" };
  // Omar wrote the first DAG; Sam wrote the others and rewrote his. Priya and Vic wrote the CI.
  repo.write("dags/ingest_dag.py").commit(omar);
  for (let i = 0; i < 6; i++) repo.write(`dags/job_${i}_dag.py`, `# job ${i}\n`).commit(sam);
  repo.write("dags/ingest_dag.py", "# ingest v2\n").commit(sam);
  repo.write(".github/workflows/ci.yml", "on: push\n").commit(priya);
  repo.write(".github/workflows/release.yml", "on: tag\n").commit(priya);
  repo.write(".github/workflows/nightly.yml", "on: schedule\n").commit(vic);
  repo.write("src/train/model.py", "model()\n").commit(sam);
  repo.write("monitoring/prometheus.yml", "scrape: []\n").commit(priya);

  const run = (...args: string[]) => {
    const r = spawnSync(process.execPath, ["--import", "tsx", join(ROOT, "src", "cli", "main.ts"), ...args], {
      cwd: ROOT,
      encoding: "utf8",
      env: { ...process.env, NO_COLOR: "1", MLTEAM_TODAY: TODAY },
    });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };
  const original = {
    main: readFileSync(join(dir, "mlteam.yaml"), "utf8"),
    people: readFileSync(join(dir, "people.yaml"), "utf8"),
  };
  const comments = (text: string) =>
    text.split("\n").flatMap((l) => /\s#\s.*$|^\s*#.*$/.exec(l)?.[0].trim() ?? []);

  it("proposes Sam for the data pipelines with the evidence, the CI person for CI/CD, and covers the rotation and the oversight", () => {
    const r = run("handover", "omar", dir, "--format", "json");
    assert.equal(r.code, 0, r.stderr);
    const report = JSON.parse(r.stdout);
    assert.equal(report.person, "omar");
    assert.equal(report.date, TODAY);
    const find = (kind: string, activity?: string, letter?: string) =>
      report.responsibilities.find(
        (x: { kind: string; activity?: string; letter?: string }) =>
          x.kind === kind &&
          (activity === undefined || x.activity === activity) &&
          (letter === undefined || x.letter === letter),
      );
    const pipelines = find("raci", "data-pipeline", "R");
    assert.equal(pipelines.successor.id, "sam");
    assert.ok(
      pipelines.successor.reasons.some((x: string) =>
        /^git: authored 7 of the 7 data-pipeline files/.test(x),
      ),
      JSON.stringify(pipelines.successor),
    );
    const ci = find("raci", "ci-cd-pipeline", "A");
    assert.equal(ci.successor.id, "priya");
    assert.ok(ci.successor.reasons.includes("skills: cloud-devops 4 (needs 3)"));
    assert.ok(
      !ci.alternatives.some((a: { id: string }) => a.id === "vic"),
      "the contractor is not an Accountable",
    );
    assert.equal(find("onCall").rotation, "pipelines");
    assert.equal(find("onCall").successor.id, "sam");
    assert.equal(find("oversight").product, "credit-risk");
    assert.equal(find("oversight").successor.id, "dana");
    assert.equal(find("raci", "etl-processes", "R").via, "data-engineer");
    assert.equal(find("codeowners", "ci-cd-pipeline").successor.id, "priya");
    assert.ok(report.scoreAfter > report.scoreBefore, `${report.scoreBefore} → ${report.scoreAfter}`);
    assert.ok(report.resolvedFindings.some((f: { ruleId: string }) => f.ruleId === "staffing/leaver"));
    assert.equal(report.applied, undefined, "nothing is written without --apply");
    assert.equal(readFileSync(join(dir, "mlteam.yaml"), "utf8"), original.main);
  });

  it("markdown is a pull-request description", () => {
    const r = run("handover", "omar", dir, "--format", "markdown");
    assert.equal(r.code, 0, r.stderr);
    assert.match(
      r.stdout,
      /^## Handover: Omar Haddad \(`omar`\)\n\nOmar Haddad leaves on 2026-12-22\. This change hands over/,
    );
    assert.match(
      r.stdout,
      /\| Responsible for Data pipeline <sub>mlteam\.yaml:\d+:\d+<\/sub> \| Sam Okafor \(`sam`\) \| git: authored 7/,
    );
  });

  it("--to a contractor still shows the handover, with the findings it adds", () => {
    const r = run("handover", "omar", dir, "--to", "vic", "--format", "json");
    assert.equal(r.code, 0, r.stderr);
    const report = JSON.parse(r.stdout);
    assert.ok(report.newFindings.some((f: { ruleId: string }) => f.ruleId === "risk/contractor-accountable"));
  });

  it("bad input: an unknown person exits 2 with a suggestion; a person with nothing says so and exits 0", () => {
    const unknown = run("handover", "omr", dir);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /no person "omr" — did you mean "omar"\?/);
    const nothing = run("handover", "vic", dir);
    assert.equal(nothing.code, 0, nothing.stderr);
    assert.match(nothing.stdout, /Vic Moreau holds no responsibility on 2026-11-22: nothing to hand over\./);
    assert.equal(run("handover", "omar", dir, "--date", "2026-02-30").code, 2);
  });

  it("--apply writes it keeping every comment, prints the diff, and then nothing rests on Omar", () => {
    const r = run("handover", "omar", dir, "--apply");
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /Written: mlteam\.yaml/);
    assert.match(r.stdout, /the model → after the handover: health \d+ → \d+/);
    assert.match(r.stdout, /data-pipeline × person:sam: – → R/);
    const main = readFileSync(join(dir, "mlteam.yaml"), "utf8");
    assert.deepEqual(comments(main), comments(original.main));
    assert.equal(
      readFileSync(join(dir, "people.yaml"), "utf8"),
      original.people,
      "people.yaml holds nothing to change",
    );
    assert.match(main, /^ {4}R: sam # built the first DAGs$/m);
    assert.match(main, /^ {4}A: priya # answers for every release$/m);
    assert.match(main, /^ {4}oversight: \[dana\] # Omar signs off every release$/m);
    const doctor = run("doctor", dir, "--format", "json");
    const findings = JSON.parse(doctor.stdout).findings as {
      ruleId: string;
      subject?: string;
      message: string;
    }[];
    const onOmar = findings.filter(
      (f) => f.subject === "omar" || /Omar/.test(f.message) || f.subject?.includes(":omar"),
    );
    assert.deepEqual(onOmar, []);
  });
});

describe("declared backups beside git's view", () => {
  const dir = join(tmp, "backups");
  const repo = new RepoBuilder(join(dir, "repo"));
  const ana = { name: "Ana Silva", email: "ana@acme.example" };
  const bo = { name: "Bo Park", email: "bo@acme.example" };
  // Ana wrote every CI file; Bo (not in the RACI) wrote every DAG and changed one CI file.
  for (let i = 0; i < 4; i++) repo.write(`.github/workflows/w${i}.yml`, `on: push # ${i}\n`).commit(ana);
  for (let i = 0; i < 3; i++) repo.write(`dags/d${i}_dag.py`, `# ${i}\n`).commit(bo);
  repo.write(".github/workflows/w0.yml", "on: [push]\n").commit(bo); // Bo, a declared backup, has touched the CI
  writeFileSync(
    join(dir, "mlteam.yaml"),
    `organisation: { name: Acme, stage: scaling }
people:
  - { id: ana, name: Ana Silva, emails: [ana@acme.example], roles: [mlops-engineer], skills: { cloud-devops: 4 } }
  - { id: bo, name: Bo Park, emails: [bo@acme.example], roles: [data-engineer], skills: { data-pipelines: 3 } }
  - { id: cy, name: Cy Lund, roles: [data-scientist], skills: { statistics-ml: 3 } }
raci:
  - { activity: ci-cd-pipeline, R: ana, A: ana, backup: [cy, bo] }
  - { activity: data-pipeline, R: ana, A: ana }
evidence:
  repositories: [{ path: repo }]
`,
  );
  const run = (...args: string[]) =>
    spawnSync(process.execPath, ["--import", "tsx", join(ROOT, "src", "cli", "main.ts"), ...args], {
      cwd: ROOT,
      encoding: "utf8",
      env: { ...process.env, NO_COLOR: "1", MLTEAM_TODAY: TODAY },
    });

  it("shows each activity's truck factor with and without its declared backups", () => {
    const json = run("evidence", dir, "--format", "json");
    assert.equal(json.status, 0, json.stderr);
    const activities = JSON.parse(json.stdout).report.activities as {
      activity: string;
      truckFactor: { value: number };
      truckFactorWithBackups?: { value: number; removed: string[] };
    }[];
    const ci = activities.find((a) => a.activity === "ci-cd-pipeline");
    assert.equal(ci?.truckFactor.value, 1);
    // Cy and Bo count as knowing every CI file: all three must go before the files are orphaned.
    assert.deepEqual(ci?.truckFactorWithBackups, { value: 3, removed: ["ana", "bo", "cy"], files: 4 });
    assert.equal(activities.find((a) => a.activity === "data-pipeline")?.truckFactorWithBackups, undefined);
    const text = run("evidence", dir);
    assert.match(text.stdout, /truck factor \(active, with declared backups\)/);
    assert.match(text.stdout, /│ ci-cd-pipeline\s+│ 4\s+│ 1 \(1, 3\)/);
  });

  it("the doctor: a backup with neither evidence nor skill, a worker who is neither R, A nor backup, the truck factor with backups", () => {
    const r = run("doctor", dir, "--format", "json");
    const findings = (JSON.parse(r.stdout).findings as { ruleId: string; message: string }[])
      .filter((f) =>
        ["raci/unproven-backup", "evidence/undeclared-author", "evidence/truck-factor-one"].includes(
          f.ruleId,
        ),
      )
      .map((f) => `${f.ruleId}: ${f.message}`)
      .sort();
    assert.deepEqual(findings, [
      "evidence/truck-factor-one: the 3 files of data-pipeline have a truck factor of 1: Bo Park",
      "evidence/truck-factor-one: the 4 files of ci-cd-pipeline have a truck factor of 1: Ana Silva (3 counting the declared backups: Bo Park, Cy Lund)",
      "evidence/undeclared-author: Bo Park is a main author of data-pipeline (3 of 3 files) but neither Responsible nor Accountable",
      'raci/unproven-backup: Cy Lund is a declared backup for "CI/CD pipeline" but holds none of its competencies (cloud-devops not recorded/3) and never changed or reviewed its files',
    ]);
  });

  it("handover ranks the declared backup, and says why", () => {
    const r = run("handover", "ana", dir, "--format", "json");
    assert.equal(r.status, 0, r.stderr);
    const ci = JSON.parse(r.stdout).responsibilities.find(
      (x: { activity?: string; letter?: string }) => x.activity === "ci-cd-pipeline" && x.letter === "R",
    );
    const bo = [ci.successor, ...ci.alternatives].find((c: { id: string }) => c?.id === "bo");
    assert.ok(bo?.reasons.includes("the row's declared backup (backup:)"), JSON.stringify(ci));
  });
});
