import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { checkModel } from "../src/analysis/check-model.ts";
import { CATALOG } from "../src/catalog/index.ts";
import { makeClassifier } from "../src/evidence/classify.ts";
import { importBackstage } from "../src/importers/backstage.ts";
import { importCodeowners, samplePath } from "../src/importers/codeowners.ts";
import { importCsvRoster } from "../src/importers/csv-roster.ts";
import { importedToYaml, mergeIntoModel } from "../src/importers/merge.ts";
import { fsHost } from "../src/io/fs-host.ts";
import { renderBackstage } from "../src/render/export/backstage.ts";
import { renderCodeowners } from "../src/render/export/codeowners.ts";
import { renderPeopleCsv } from "../src/render/export/people-csv.ts";
import { checkText, memoryHost, TODAY } from "./helpers.ts";

const central = checkModel("examples/central-platform", fsHost, { today: TODAY });
const meghan = checkModel("examples/meghan-story", fsHost, { today: TODAY });
const roleIds = (roles: readonly unknown[] | undefined) =>
  (roles ?? []).map((r) => (typeof r === "string" ? r : (r as { role: string }).role));

describe("imports", () => {
  it("Backstage: export then import gives the same people, teams and roles", () => {
    const imported = importBackstage(renderBackstage(central.graph));
    assert.deepEqual(
      imported.people.map((p) => [p.id, p.name, p.emails?.[0], roleIds(p.roles)]),
      [...central.graph.people.values()].map((p) => [
        p.id,
        p.name,
        p.source.emails?.[0],
        p.roles.map((r) => r.role),
      ]),
    );
    assert.deepEqual(
      imported.teams.map((t) => [t.id, t.type, t.members, t.serves ?? []]),
      [...central.graph.teams.values()].map((t) => [t.id, t.source.type, t.members, t.serves]),
    );
    // The imported entries form a model the doctor can read.
    const text = `organisation: { name: Imported, stage: scaling }\n${importedToYaml(imported, "org.yaml")}`;
    assert.deepEqual(checkModel("m.yaml", memoryHost({ "m.yaml": text }), { today: TODAY }).diagnostics, []);
  });

  it("CSV: export then import gives the same people, roles and skills; titles map to roles; unmapped ones are reported", () => {
    const imported = importCsvRoster(renderPeopleCsv(central.graph), CATALOG.roles, CATALOG.competencies);
    assert.deepEqual(
      imported.people.map((p) => [p.id, p.name, roleIds(p.roles), p.skills ?? {}]),
      [...central.graph.people.values()].map((p) => [
        p.id,
        p.name,
        p.roles.map((r) => r.role),
        p.source.skills ?? {},
      ]),
    );
    const roster = importCsvRoster(
      "Name,Email,Title,Statistics & machine learning,etl\nAda Lovelace,ada@x.org,Analytics Translator,3,\nBob Byte,bob@x.org,Wizard; Data Engineer,,seven\n",
      CATALOG.roles,
      CATALOG.competencies,
    );
    assert.deepEqual(roster.people, [
      {
        id: "ada",
        name: "Ada Lovelace",
        emails: ["ada@x.org"],
        titles: ["Analytics Translator"],
        roles: ["outside-to-inside"],
        skills: { "statistics-ml": 3 },
      },
      {
        id: "bob",
        name: "Bob Byte",
        emails: ["bob@x.org"],
        titles: ["Wizard", "Data Engineer"],
        roles: ["data-engineer"],
      },
    ]);
    assert.deepEqual(roster.notes, ['Bob Byte: etl "seven" is not a level 0–4; left out']);
    assert.deepEqual(roster.summary?.unmapped, ["Wizard"]);
  });

  it("CSV from an HR system: header synonyms, grades in titles, managers, FTE, employment, and a summary", () => {
    const hr = [
      "Full Name,Work Email,Job Title,Department,Manager,FTE,Employment Type,Badge",
      "Maya Lindqvist,maya@acme.example,Head of Data,Data,,1,Full-time,1",
      "Ana Costa,ana@acme.example,Senior Data Scientist,Data,maya@acme.example,1,Full-time,2",
      "Bo Chen,bo@acme.example,Staff ML Platform Engineer,Platform,Maya Lindqvist,0.8,Full-time,3",
      "Cy Moss,cy@acme.example,Sr. MLOps Eng.,Platform,maya@acme.example,1,Contractor,4",
      "Di Ray,di@acme.example,Data Scientist II,Data,ana@acme.example,50%,Part-time,5",
      ",ghost@acme.example,Ghost,,,,,6",
    ].join("\n");
    const imported = importCsvRoster(hr, CATALOG.roles, CATALOG.competencies);
    assert.deepEqual(
      imported.people.map((p) => [
        p.id,
        roleIds(p.roles),
        p.reportsTo,
        p.capacity,
        p.employment,
        (p as Record<string, unknown>)["x-department"],
      ]),
      [
        ["maya", [], undefined, undefined, undefined, "Data"],
        ["ana", ["data-scientist"], "maya", undefined, undefined, "Data"],
        ["bo", ["mlops-engineer"], "maya", 80, undefined, "Platform"],
        ["cy", ["mlops-engineer"], "maya", undefined, "contractor", "Platform"],
        ["di", ["data-scientist"], "ana", 50, undefined, "Data"],
      ],
    );
    assert.deepEqual(
      { ...imported.summary, used: imported.summary?.used.length },
      { created: 5, skipped: 1, used: 7, unknownColumns: ["Badge"], unmapped: ["Head of Data"] },
    );
    // What it writes is a valid model once an organisation is added.
    const fragment = importedToYaml(imported, "hr.csv");
    const check = checkModel(
      "m.yaml",
      memoryHost({
        "m.yaml": `organisation: { name: A, stage: scaling }\ninclude: [people.yaml]\n`,
        "people.yaml": fragment,
      }),
      { today: TODAY },
    );
    assert.deepEqual(
      check.diagnostics.filter((d) => d.severity === "error"),
      [],
    );
  });

  it("CSV with no column of names names the headers it accepts", () => {
    assert.throws(
      () => importCsvRoster("Worker,Mail\nA,a@x\n", CATALOG.roles, CATALOG.competencies),
      /no column holds people's names: the headers are "Worker", "Mail"; accepted for the name: "name", "full name"/,
    );
    const mapped = importCsvRoster("Worker,Mail\nA,a@x\n", CATALOG.roles, CATALOG.competencies, {
      map: { Worker: "name" },
    });
    assert.deepEqual(
      mapped.people.map((p) => [p.name, p.emails]),
      [["A", ["a@x"]]],
    );
  });

  it("CODEOWNERS: patterns map to activities and owners to people, proposed as Responsible", () => {
    const imported = importCodeowners(
      renderCodeowners(meghan.graph),
      meghan.model.people,
      makeClassifier([]),
    );
    const rows = Object.fromEntries(imported.raci.map((r) => [r.activity, r.R]));
    assert.deepEqual(rows["ci-cd-pipeline"], ["meghan"]);
    assert.deepEqual((rows["model-training-code"] as string[]).sort(), ["dan", "meghan"]);
    assert.equal(samplePath(".github/workflows/**"), ".github/workflows/x");
    assert.equal(samplePath("/docs/"), "docs/x");
    const strangers = importCodeowners("*.tf @someone-else\n", meghan.model.people, makeClassifier([]));
    assert.deepEqual(strangers.raci, []);
    assert.deepEqual(strangers.notes, ["*.tf: owner @someone-else is no person's handle in the model"]);
  });

  it("merges into a model keeping its comments and layout, skipping what is there", () => {
    const model = `# Our team — keep this comment
organisation: { name: O, stage: starting } # inline comment
people:
  # the lead
  - { id: ada, name: Ada, roles: [data-scientist] }
teams: []
`;
    const merged = mergeIntoModel(model, {
      people: [
        { id: "ada", name: "Ada again" },
        { id: "bob", name: "Bob", roles: ["data-engineer"] },
      ],
      teams: [{ id: "t", type: "product", members: ["ada", "bob"] }],
      raci: [],
      notes: [],
    });
    assert.deepEqual(merged.added, ["person bob", "team t"]);
    assert.deepEqual(merged.skipped, ["person ada (already in the model)"]);
    assert.equal(
      merged.text,
      "# Our team — keep this comment\norganisation: { name: O, stage: starting } # inline comment\npeople:\n  # the lead\n  - { id: ada, name: Ada, roles: [data-scientist] }\n  - id: bob\n    name: Bob\n    roles:\n      - data-engineer\nteams:\n  - id: t\n    type: product\n    members:\n      - ada\n      - bob\n",
      "existing lines are kept byte for byte",
    );
    const result = checkText(merged.text);
    assert.deepEqual(result.diagnostics, []);
    assert.deepEqual([...result.graph.teams.keys()], ["t"]);
  });
});
