import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { checkModel } from "../src/analysis/check-model.ts";
import { importEntries } from "../src/app/import-file.ts";
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
    // The tree and the products go out too, and the tree comes back.
    const tree = checkText(`organisation: { name: Tree, stage: scaling }
people: [{ id: ada, name: Ada, roles: [ml-engineer] }]
units:
  - { id: data-office, name: Data office, type: department }
  - { id: analytics, type: sub-department, parent: data-office }
teams:
  - { id: scoring, type: full-stack, members: [ada], parent: analytics, handle: "@acme/scoring" }
  - { id: scoring-ops, type: platform, parent: scoring, serves: [scoring] }
products: [{ id: churn, name: Churn model, team: scoring, stage: production }]
`);
    const exported = renderBackstage(tree.graph);
    const back = importBackstage(exported);
    assert.deepEqual(back.units, tree.graph.model.units);
    assert.deepEqual(
      back.teams.map((t) => [t.id, t.type, t.parent, t.handle]),
      [
        ["scoring", "full-stack", "analytics", "@acme/scoring"],
        ["scoring-ops", "platform", "scoring", undefined],
      ],
    );
    // The product's System (and its Component) come back as the product.
    assert.deepEqual(back.products, tree.graph.model.products);
    assert.equal(back.summary?.ignored, undefined);
    assert.match(
      exported,
      /kind: System\nmetadata:\n {2}name: churn\n {2}title: Churn model\n[\s\S]*?spec:\n {2}owner: group:default\/scoring\n/,
    );
    assert.match(
      exported,
      /kind: Component\n[\s\S]*?lifecycle: production\n {2}owner: group:default\/scoring\n {2}system: churn/,
    );
    assert.match(
      exported,
      /name: data-office\n[\s\S]*?spec:\n {2}type: department\n {2}parent: tree\n {2}children:\n {4}- analytics\n/,
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
    assert.deepEqual(roster.summary?.unmapped, [
      '"Wizard": no role is close; add the role by hand, or an alias under roles:',
    ]);
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
        imported.teams.find((t) => t.members?.includes(p.id))?.name,
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
      {
        created: 5,
        skipped: 1,
        used: 7,
        unknownColumns: ["Badge"],
        unmapped: [
          '"Head of Data": would guess group-manager (closest: "head of ml"), but the title is not one of its aliases; add "head of data" to its aliases under roles:, or the role by hand',
        ],
      },
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
      () => importCsvRoster("Associate,Mail\nA,a@x\n", CATALOG.roles, CATALOG.competencies),
      /no column identifies people: the headers are "Associate", "Mail"; accepted for the name: "name", "full name"/,
    );
    const mapped = importCsvRoster("Associate,Mail\nA,a@x\n", CATALOG.roles, CATALOG.competencies, {
      map: { Associate: "name" },
    });
    assert.deepEqual(
      mapped.people.map((p) => [p.name, p.emails]),
      [["A", ["a@x"]]],
    );
  });

  it("CODEOWNERS: patterns map to activities and owners to people, proposed as Responsible", () => {
    const imported = importCodeowners(renderCodeowners(meghan.graph), makeClassifier([]), {
      people: meghan.model.people,
      teams: meghan.model.teams,
    });
    const rows = Object.fromEntries(imported.raci.map((r) => [r.activity, r.R]));
    assert.deepEqual(rows["ci-cd-pipeline"], ["meghan"]);
    assert.deepEqual((rows["model-training-code"] as string[]).sort(), ["dan", "meghan"]);
    assert.equal(samplePath(".github/workflows/**"), ".github/workflows/x");
    assert.equal(samplePath("/docs/"), "docs/x");
    const strangers = importCodeowners("*.tf @someone-else\n/monitoring/ @x @y\n", makeClassifier([]), {
      people: meghan.model.people,
    });
    assert.deepEqual(strangers.raci, []);
    assert.deepEqual(strangers.people, [], "a model is given: owners are not invented");
    assert.deepEqual(strangers.notes, [
      "owners that are no person's handle or e-mail and no team's handle in the model: @someone-else, @x, @y — add their handle to the person (or team)",
    ]);
  });

  it("CODEOWNERS: team owners stand for their members; directory rules map; one summary", () => {
    const people = [
      { id: "ana", name: "Ana", handle: "@ana" },
      { id: "bo", name: "Bo", emails: ["bo@x.org"] },
    ];
    const teams = [
      { id: "plat", type: "platform" as const, members: ["ana", "bo"], handle: "@acme/platform" },
    ];
    const text =
      "# owners\n*  @acme/platform\n/monitoring/ @ana\n/infra/**/*.tf bo@x.org\n/docs/ @acme/platform\n";
    const imported = importCodeowners(text, makeClassifier([]), { people, teams });
    assert.deepEqual(
      imported.raci.map((r) => [r.activity, r.R]),
      [
        ["monitoring-setup", ["ana"]],
        ["infrastructure-as-code", ["bo"]],
        ["system-tech-spec", ["ana", "bo"]],
      ],
    );
    assert.deepEqual(imported.summary?.used, ["4 rules", "3 mapped to 3 activities"]);
    assert.deepEqual(imported.summary?.ignored, ["1 rule matches no activity's patterns (*)"]);
    assert.deepEqual(imported.notes, []);
  });

  it("CODEOWNERS starts a model: owners become people and teams (feast's and ray's shapes)", () => {
    const feast = importCodeowners(
      "# Each line is a file pattern followed by one or more owners.\n\n*           @woop @jklegar @tsotnet @feast-dev/maintainers\n",
      makeClassifier([]),
    );
    assert.deepEqual(
      feast.people.map((p) => [p.id, p.handle]),
      [
        ["woop", "@woop"],
        ["jklegar", "@jklegar"],
        ["tsotnet", "@tsotnet"],
      ],
    );
    assert.deepEqual(feast.teams, [
      { id: "maintainers", type: "product", members: [], handle: "@feast-dev/maintainers" },
    ]);
    const text = `organisation: { name: Feast, stage: scaling }\n${importedToYaml(feast, "CODEOWNERS")}`;
    assert.deepEqual(checkModel("m.yaml", memoryHost({ "m.yaml": text }), { today: TODAY }).diagnostics, []);
    assert.throws(
      () => importCodeowners("# nothing here\n", makeClassifier([])),
      /no CODEOWNERS rules found/,
    );
  });

  it("Backstage: Location targets (paths and globs), namespaces, the group hierarchy and group types", async () => {
    const file = "test/fixtures/backstage-org/org.yaml";
    const imported = await importEntries("backstage", file, readFileSync(file, "utf8"));
    assert.deepEqual(
      imported.people.map((p) => [p.id, p.name]),
      [
        ["ines.duarte", "Inês Duarte"],
        ["visitor", "Visitor"],
        ["kofi.mensah", "Kofi Mensah"],
        ["sandbox-visitor", "Visitor (sandbox)"],
      ],
    );
    assert.deepEqual(imported.units, [{ id: "data-office", name: "Chief Data Office", type: "department" }]);
    assert.deepEqual(
      imported.teams.map((t) => [t.id, t.type, t.parent, t.members, t.handle]),
      [
        ["ml-platform", "product", "data-office", ["ines.duarte", "visitor"], "@northwind/ml-platform"],
        ["scoring", "full-stack", "data-office", ["kofi.mensah", "sandbox-visitor"], undefined],
      ],
    );
    assert.deepEqual(imported.people[0]?.handle, "@iduarte");
    assert.deepEqual(imported.summary?.ignored, ["Component ×1"]);
    assert.ok(
      imported.notes.some((n) => n.includes("https://example.com/remote-groups.yaml is a URL; not fetched")),
    );
    assert.ok(imported.notes.some((n) => n.includes("sandbox/visitor → sandbox-visitor")));
    assert.ok(
      imported.notes.some((n) => n.includes("kofi.mensah (data-office)")),
      "a unit is not a team",
    );
    assert.ok(
      imported.notes.some((n) => n.startsWith("group ml-platform: Backstage says team, not which kind")),
    );
    // What it gives is a model the doctor can read: no duplicate ids, the tree intact.
    const text = `organisation: { name: Northwind, stage: scaling }\n${importedToYaml(imported, file)}`;
    assert.deepEqual(checkModel("m.yaml", memoryHost({ "m.yaml": text }), { today: TODAY }).diagnostics, []);
  });

  it("Backstage: a file with no Group or User says what it found; a target outside the folder is refused", async () => {
    await assert.rejects(
      importEntries("backstage", "g.yaml", "kind: Group\nmetadata: { name: a\n"),
      (e: Error) => /^g\.yaml:3:1: invalid YAML: /.test(e.message),
      "the broken YAML is located once, with its file",
    );
    await assert.rejects(
      importEntries("backstage", "c.yaml", "kind: Component\nmetadata: { name: x }\n"),
      /no Group or User entities found \(found Component ×1\)/,
    );
    const outside = await importEntries(
      "backstage",
      "test/fixtures/backstage-org/org.yaml",
      "kind: Location\nspec: { targets: [../../../package.json] }\n---\nkind: User\nmetadata: { name: a }\n",
    );
    assert.ok(
      outside.notes.some((n) => /package\.json left out: outside /.test(n)),
      outside.notes.join("\n"),
    );
  });

  it("units: unknown parents and cycles are located errors", () => {
    const { diagnostics } = checkText(`organisation: { name: O, stage: scaling }
units:
  - { id: a, parent: b }
  - { id: b, parent: a }
  - { id: c, parent: zz }
teams:
  - { id: t, type: product, parent: t }
  - { id: u, type: product, parent: c }
`);
    assert.deepEqual(
      diagnostics.map((d) => `${d.line}:${d.column} ${d.code} ${d.message}`),
      [
        '3:22 reference-cycle units[0].parent: "a" is its own ancestor: a → b → a',
        '4:22 reference-cycle units[1].parent: "b" is its own ancestor: a → b → a',
        '5:22 unknown-reference units[2].parent: unknown unit "zz"',
        '7:37 reference-cycle teams[0].parent: "t" is its own ancestor: t → t',
      ],
    );
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
