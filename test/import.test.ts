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
    assert.deepEqual(roster.notes, [
      'Bob Byte: title "Wizard" maps to no role of the catalog; add the role by hand or an alias under roles:',
      'Bob Byte: etl "seven" is not a level 0–4; left out',
    ]);
  });

  it("CODEOWNERS: patterns map to activities and owners to people, proposed as Responsible", () => {
    const imported = importCodeowners(
      renderCodeowners(meghan.graph),
      meghan.model.people,
      makeClassifier([]),
    );
    const rows = Object.fromEntries(imported.raci.map((r) => [r.activity, r.R]));
    assert.deepEqual(rows["ci-cd-pipeline"], ["meghan"]);
    assert.deepEqual((rows["model-training-code"] as string[]).sort(), ["dan", "meghan", "sofia"]);
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
