import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { checkModel } from "../src/analysis/check-model.ts";
import type { Diagnostic } from "../src/model/diagnostic.ts";
import { loadModel } from "../src/model/load.ts";
import { memoryHost } from "./helpers.ts";

const ORG = "organisation: { name: O, stage: starting }\n";

function validate(files: Record<string, string>, entry = "m.yaml"): Diagnostic[] {
  return checkModel(entry, memoryHost(files), { validateOnly: true }).diagnostics;
}

/** The one diagnostic expected from `files`, as "file:line:col code message". */
function only(files: Record<string, string>, entry = "m.yaml"): string {
  const diagnostics = validate(files, entry);
  assert.equal(diagnostics.length, 1, JSON.stringify(diagnostics, null, 1));
  const [d] = diagnostics as [Diagnostic];
  return `${d.file}:${d.line}:${d.column} ${d.code} ${d.message}`;
}

describe("loading and validating a model", () => {
  it("accepts a minimal model", () => {
    assert.deepEqual(validate({ "m.yaml": ORG }), []);
  });

  it("reports YAML syntax errors with their position", () => {
    assert.equal(
      only({ "m.yaml": `${ORG}people:\n  - id: a\n   name: b\n` }),
      "m.yaml:4:4 yaml-syntax bad indentation of a sequence entry",
    );
    assert.match(only({ "m.yaml": `${ORG}a: 1\na: 2\n` }), /^m\.yaml:3:1 yaml-syntax duplicated mapping key/);
  });

  it("reports a missing file and a missing organisation", () => {
    assert.match(only({}, "nope.yaml"), /^nope\.yaml:1:1 file-not-found no model found at nope\.yaml/);
    assert.equal(
      only({ "m.yaml": "people: []\n" }),
      "m.yaml:1:1 missing-section the model has no `organisation` section (name and stage are required)",
    );
  });

  it("reports a value of the wrong type where it is written", () => {
    assert.equal(
      only({
        "m.yaml": `${ORG}people:\n  - id: a\n    name: A\n    roles:\n      - { role: data-scientist, allocation: eighty }\n`,
      }),
      'm.yaml:6:45 schema people[0].roles[0].allocation: expected a number, got the text "eighty"',
    );
  });

  it("suggests the nearest enum value and field name", () => {
    assert.equal(
      only({ "m.yaml": "organisation:\n  name: O\n  stage: scalng\n" }),
      'm.yaml:3:10 schema organisation.stage: expected one of "starting", "scaling", "mature", got the text "scalng" — did you mean "scaling"?',
    );
    assert.equal(
      only({ "m.yaml": `${ORG}people:\n  - id: a\n    name: A\n    reportTo: a\n` }),
      'm.yaml:5:5 unknown-field people[0]: unknown field "reportTo" — did you mean "reportsTo"?',
    );
  });

  it("reports a missing required field and a list given as a number", () => {
    assert.equal(
      only({ "m.yaml": `${ORG}people:\n  - id: a\n` }),
      'm.yaml:3:5 schema people[0].name: "name" is required (a text)',
    );
    assert.equal(
      only({
        "m.yaml": `${ORG}people: [{ id: a, name: A, roles: [data-scientist] }]\nraci:\n  - { activity: data-exploration, R: 5 }\n`,
      }),
      "m.yaml:4:38 schema raci[0].R: expected a text or a list, got number 5",
    );
  });

  it("reports unknown references with a suggestion", () => {
    const files = {
      "m.yaml": `${ORG}people:
  - { id: ana, name: Ana, roles: [data-scientst], skills: { statistcs-ml: 3 }, reportsTo: bob }
teams:
  - { id: t, type: product, members: [ana, anna], serves: [x] }
products:
  - { id: p, team: tt, stage: production }
stakeholders:
  - { kind: cio, person: carl }
raci:
  - { activity: data-exploraton, R: data-scientist, A: ml-enginer }
`,
    };
    assert.deepEqual(
      validate(files).map((d) => `${d.line}:${d.column} ${d.message}`),
      [
        '3:35 people[0].roles[0]: unknown role "data-scientst" — did you mean "data-scientist"?',
        '3:61 people[0].skills.statistcs-ml: unknown competency "statistcs-ml" — did you mean "statistics-ml"?',
        '5:44 teams[0].members[1]: unknown person "anna" — did you mean "ana"?',
        '9:26 stakeholders[0].person: unknown person "carl"',
        '11:17 raci[0].activity: unknown activity "data-exploraton" — did you mean "data-exploration"?',
        '11:56 raci[0].A: unknown role or person "ml-enginer" — did you mean "ml-engineer"?',
      ],
    );
  });

  it("reports a cycle of reportsTo once, at its first person", () => {
    assert.equal(
      only({
        "m.yaml": `${ORG}people:\n  - { id: a, name: A, reportsTo: b }\n  - { id: b, name: B, reportsTo: c }\n  - { id: c, name: C, reportsTo: a }\n  - { id: d, name: D, reportsTo: a }\n`,
      }),
      "m.yaml:3:34 reference-cycle people[0].reportsTo: reportsTo makes a cycle: a → b → c → a",
    );
  });

  it("leaves references to teams and people of other sources for the organisation, with a did-you-mean when they look like typos", () => {
    const { graph, diagnostics } = checkModel(
      "m.yaml",
      memoryHost({
        "m.yaml": `${ORG}people:
  - { id: ana, name: Ana, roles: [mlops-engineer], reportsTo: kchen }
teams:
  - { id: platform, type: platform, members: [ana], serves: [fraud, platfrom] }
raci:
  - { activity: model-serving, R: ana, A: ana, C: [pnair], I: [anna] }
`,
      }),
      { validateOnly: true },
    );
    assert.deepEqual(diagnostics, []);
    assert.deepEqual(
      graph.external.map((r) => `${r.kind} ${r.id}${r.suggestion ? ` ~${r.suggestion}` : ""}`),
      ["person kchen", "team fraud", "team platfrom ~platform", "person pnair", "person anna ~ana"],
    );
  });

  it("reports unknown activities in evidence patterns", () => {
    assert.equal(
      only({ "m.yaml": `${ORG}evidence:\n  patterns: { docker-packagin: ["containers/**"] }\n` }),
      'm.yaml:3:15 unknown-reference evidence.patterns.docker-packagin: unknown activity "docker-packagin" — did you mean "docker-packaging"?',
    );
  });

  it("reports ambiguous and explicit references", () => {
    const people = `${ORG}people:\n  - { id: data-scientist, name: D, roles: [data-scientist] }\n`;
    assert.match(
      only({
        "m.yaml": `${people}raci:\n  - { activity: data-exploration, R: data-scientist, A: role:data-scientist }\n`,
      }),
      /^m\.yaml:5:38 ambiguous-reference .*"data-scientist" is both a role and a person; write role:data-scientist or person:data-scientist/,
    );
    assert.deepEqual(
      validate({
        "m.yaml": `${people}raci:\n  - { activity: data-exploration, R: person:data-scientist, A: role:data-scientist }\n`,
      }),
      [],
    );
    assert.match(
      only({
        "m.yaml": `${people}raci:\n  - { activity: data-exploration, R: person:ana, A: role:data-scientist }\n`,
      }),
      /unknown person "ana"/,
    );
  });

  it("reports duplicate ids and RACI rows with the first location", () => {
    assert.equal(
      only({ "m.yaml": `${ORG}people:\n  - { id: a, name: A }\n  - { id: a, name: B }\n` }),
      'm.yaml:4:11 duplicate-id people[1].id: duplicate person id "a", first defined at m.yaml:3:11',
    );
    assert.match(
      only({
        "m.yaml": `${ORG}people: [{ id: a, name: A }]\nraci:\n  - { activity: data-exploration, R: a, A: a }\n  - { activity: data-exploration, R: a }\n`,
      }),
      /^m\.yaml:5:17 duplicate-id raci\[1\]\.activity: activity "data-exploration" already has a RACI row at m\.yaml:4:5/,
    );
  });

  it("reports every problem of several files in one run, each in its own file", () => {
    const diagnostics = validate({
      "m.yaml": "organisation: { name: O, stage: starting }\ninclude: [people.yaml, teams/, gone.yaml]\n",
      "people.yaml": "people:\n  - { id: a, name: A, roles: [{ role: data-scientist, allocation: lots }] }\n",
      "teams/one.yaml": "teams:\n  - { id: t, type: squad, members: [a] }\n",
    });
    assert.deepEqual(
      diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.code}`),
      ["m.yaml:2:32 file-not-found", "people.yaml:2:67 schema", "teams/one.yaml:2:20 schema"],
    );
  });

  it("merges included files and a directory of files", () => {
    const files = {
      "dir/a.yaml": ORG,
      "dir/b.yaml": "people: [{ id: a, name: A }]\ninclude: [sub]\n",
      "dir/sub/c.yaml": "teams: [{ id: t, type: product, members: [a] }]\n",
    };
    const { model, diagnostics } = loadModel("dir", memoryHost(files));
    assert.deepEqual(diagnostics, []);
    assert.deepEqual(model.files, ["dir/a.yaml", "dir/b.yaml", "dir/sub/c.yaml"]);
    assert.equal(model.teams[0]?.id, "t");
    assert.deepEqual(model.locate(model.teams[0] as object, ["members", 0]), {
      file: "dir/sub/c.yaml",
      line: 1,
      column: 43,
    });
  });

  it("prefers mlteam.yaml in a directory, and follows include cycles once", () => {
    const files = {
      "d/mlteam.yaml": `${ORG}include: [more.yaml]\n`,
      "d/more.yaml": "include: [mlteam.yaml]\npeople: [{ id: a, name: A }]\n",
      "d/other.yaml": "this: is not part of the model\n",
    };
    const { model, diagnostics } = loadModel("d", memoryHost(files));
    assert.deepEqual(diagnostics, []);
    assert.deepEqual(model.files, ["d/mlteam.yaml", "d/more.yaml"]);
  });

  it("reports a file that exists but cannot be read, without throwing", () => {
    const host = memoryHost({ "m.yaml": `${ORG}include: [secret.yaml]\n` });
    const reading = host.readFile;
    host.readFile = (path) => {
      if (path === "secret.yaml") throw new Error("cannot read secret.yaml: EACCES");
      return reading(path);
    };
    const { diagnostics } = loadModel("m.yaml", host);
    assert.deepEqual(
      diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.code} ${d.message}`),
      ["secret.yaml:1:1 file-not-found cannot read secret.yaml: EACCES"],
    );
  });

  it("refuses an organisation defined twice", () => {
    assert.match(
      only({ "m.yaml": `${ORG}include: [b.yaml]\n`, "b.yaml": ORG }),
      /^b\.yaml:1:1 duplicate-section organisation is already defined in m\.yaml/,
    );
  });

  it("reports an absence that ends before it starts, and a file that is not a mapping", () => {
    assert.match(
      only({
        "m.yaml": `${ORG}people:\n  - id: a\n    name: A\n    absences: [{ from: 2026-05-02, to: 2026-05-01 }]\n`,
      }),
      /^m\.yaml:5:40 schema .*ends \(2026-05-01\) before it starts/,
    );
    assert.match(only({ "m.yaml": "- just\n- a list\n" }), /^m\.yaml:1:1 schema a model file is a mapping/);
  });
});
