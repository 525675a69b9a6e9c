import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { matchFile, parse as parseCodeowners } from "codeowners-utils";
import { strFromU8, unzipSync } from "fflate";
import readXlsxFile from "read-excel-file/node";
import { parseAllDocuments } from "yaml";
import { checkModel } from "../src/analysis/check-model.ts";
import { raciMatrix } from "../src/analysis/raci-matrix.ts";
import { RULES } from "../src/analysis/rules/index.ts";
import { importedToYaml } from "../src/importers/merge.ts";
import { importXlsx } from "../src/importers/xlsx.ts";
import { fsHost } from "../src/io/fs-host.ts";
import { renderBackstage } from "../src/render/export/backstage.ts";
import { renderCodeowners, toCodeownersPatterns } from "../src/render/export/codeowners.ts";
import { renderTeamJson } from "../src/render/export/json.ts";
import { renderMermaid } from "../src/render/export/mermaid.ts";
import { renderPeopleCsv } from "../src/render/export/people-csv.ts";
import { renderTeamApi } from "../src/render/export/team-api.ts";
import { RACI_COLOURS, renderXlsx } from "../src/render/export/xlsx.ts";
import { checkText, memoryHost, TODAY } from "./helpers.ts";

const meghan = checkModel("examples/meghan-story", fsHost, { today: TODAY });

describe("exports", () => {
  it("CODEOWNERS: each activity's paths owned by its Accountable, ML code also by one ML and one MLOps reviewer", () => {
    const text = renderCodeowners(meghan.graph);
    const entries = parseCodeowners(text);
    const owners = (path: string) => matchFile(path, entries)?.owners.sort();
    assert.deepEqual(owners(".github/workflows/ci.yml"), ["@mdoyle"]);
    assert.deepEqual(owners("services/api/Dockerfile"), ["@mdoyle"]);
    assert.deepEqual(owners("deploy/charts/api/templates/deployment.yaml"), ["@mdoyle"]);
    // model-training-code: A Dan (not every data scientist); plus the ML engineer and MLOps engineer (Meghan).
    assert.deepEqual(owners("src/training/train.py"), ["@dortiz", "@mdoyle"]);
    assert.equal(owners("docs/guide.md"), undefined, "no tech lead or team handle: no catch-all");
    assert.match(text, /# system-tech-spec \(no RACI row\)\n# no owner with a handle/);
    // With team handles: the catch-all first, team handles standing for people without one, and no opening.
    const teams = checkText(
      `people:
  - { id: lea, name: Lea, roles: [tech-lead], handle: lea }
  - { id: ana, name: Ana, roles: [data-scientist] }
  - { id: bo, name: Bo, roles: [ml-engineer] }
  - { id: cy, name: Cy, roles: [mlops-engineer] }
teams:
  - { id: ds, type: product, members: [lea, ana, bo], handle: "@acme/ds" }
  - { id: plat, type: platform, members: [cy], serves: [ds], handle: "@acme/platform" }
openings:
  - { id: o1, role: ml-engineer }
raci:
  - { activity: model-training-code, R: data-scientist, A: ana }
`,
      RULES,
    );
    const withTeams = renderCodeowners(teams.graph);
    const parsed = parseCodeowners(withTeams);
    const rules = withTeams.split("\n").filter((l) => l && !l.startsWith("#"));
    assert.equal(rules[0], "* @lea", "the catch-all comes first");
    assert.deepEqual(matchFile("README.md", parsed)?.owners, ["@lea"]);
    assert.deepEqual(matchFile("src/training/train.py", parsed)?.owners.sort(), [
      "@acme/ds",
      "@acme/platform",
    ]);
    assert.doesNotMatch(withTeams, /o1/);
    assert.deepEqual(toCodeownersPatterns("**/docker-compose*.y?(a)ml"), [
      "**/docker-compose*.yml",
      "**/docker-compose*.yaml",
    ]);
  });

  it("Backstage: a Group per team and the organisation, a User per person, a System and a Component per product", () => {
    const docs = parseAllDocuments(renderBackstage(meghan.graph)).map(
      (d) => d.toJS() as { kind: string; metadata: { name: string }; spec: Record<string, unknown> },
    );
    assert.deepEqual(
      docs.map((d) => `${d.kind}:${d.metadata.name}`),
      [
        "Group:brightfield-home-goods",
        "Group:data",
        "User:meghan",
        "User:dan",
        "User:sofia",
        "User:paul",
        "System:demand",
        "Component:demand",
        "System:reco",
        "Component:reco",
      ],
    );
    assert.deepEqual(docs[2]?.spec, {
      profile: { displayName: "Meghan Doyle", email: "meghan.doyle@brightfield.example" },
      memberOf: ["data"],
    });
  });

  it("XLSX: sheets for the RACI (colour-coded), people, skills and findings, readable back", async () => {
    const buffer = await renderXlsx(meghan.graph, meghan.doctor?.findings ?? []);
    const sheets = await readXlsxFile(buffer);
    assert.deepEqual(
      sheets.map((s) => s.sheet),
      [
        "RACI",
        "People",
        "Skills",
        "Absences",
        "Teams",
        "Units",
        "Products",
        "Openings",
        "On call",
        "Stakeholders",
        "RACI rows",
        "Roles",
        "Activities",
        "Competencies",
        "Suppressions",
        "Organisation",
        "Settings",
        "Findings",
      ],
    );
    const raci = sheets[0]?.data ?? [];
    assert.deepEqual(raci[0]?.slice(0, 3), ["Activity", "Product", "Data scientist [data-scientist]"]);
    assert.deepEqual(raci[1]?.slice(0, 3), [
      "Define business problem [define-business-problem]",
      null,
      "R/A",
    ]);
    assert.equal(
      sheets.find((s) => s.sheet === "Findings")?.data.length,
      (meghan.doctor?.findings.length ?? 0) + 1,
    );
    const styles = strFromU8(unzipSync(new Uint8Array(buffer))["xl/styles.xml"] ?? new Uint8Array());
    for (const colour of Object.values(RACI_COLOURS)) {
      assert.match(
        styles,
        new RegExp(colour.slice(1), "i"),
        `the fill ${colour} is in the workbook's styles`,
      );
    }
  });

  it("CSV roster and JSON carry every person with roles and skills", () => {
    const csv = renderPeopleCsv(meghan.graph).trim().split("\n");
    assert.equal(csv.length, 5);
    assert.match(csv[0] ?? "", /^id,name,email,title,roles,teams,reports_to,statistics-ml,/);
    assert.match(
      csv[1] ?? "",
      /^meghan,Meghan Doyle,meghan\.doyle@brightfield\.example,MLOps Engineer,mlops-engineer:70; data-engineer:50; ml-engineer:30,data,,/,
    );
    const json = JSON.parse(renderTeamJson(meghan.graph));
    assert.equal(json.people.length, 4);
    assert.equal(json.raci.rows.length, 8);
  });

  it("Mermaid: teams as subgraphs, who serves whom, products, and model strings escaped", () => {
    const { graph } = checkText(`people:
  - { id: x, name: '<script>alert("x")</script> #1', roles: [mlops-engineer] }
teams:
  - { id: plat, type: platform, members: [x], serves: [ds] }
  - { id: ds, type: product, members: [] }
products: [{ id: p1, team: ds, stage: production }]
`);
    const text = renderMermaid(graph);
    assert.match(text, /^flowchart LR\n {2}subgraph team_plat\["plat \(platform\)"\]/);
    assert.match(
      text,
      /p_plat_x\["#lt;script#gt;alert\(#quot;x#quot;\)#lt;\/script#gt; #35;1<br\/>mlops-engineer"\]/,
    );
    assert.match(text, /team_plat -- serves --> team_ds/);
    assert.match(text, /team_ds --> product_p1/);
    assert.doesNotMatch(text, /<script>/);
  });

  it("XLSX round trip: export then import gives back the same people, teams, roles, skills and RACI", async () => {
    for (const name of ["meghan-story", "central-platform", "startup-full-stack"]) {
      const original = checkModel(`examples/${name}`, fsHost, { today: TODAY });
      const imported = await importXlsx(await renderXlsx(original.graph, []));
      const fragment = importedToYaml(imported, "team.xlsx");
      // The fragment holds the organisation too: it is a model of its own.
      const again = checkModel("m.yaml", memoryHost({ "m.yaml": fragment }), {
        today: TODAY,
        validateOnly: true,
      });
      assert.deepEqual(
        again.diagnostics.filter((d) => d.severity === "error"),
        [],
        name,
      );
      const people = (g: typeof original.graph) =>
        [...g.people.values()].map((p) => [
          p.id,
          p.name,
          p.roles.map((r) => [r.role, Math.round(r.allocation)]),
          p.source.skills ?? {},
          p.teams,
        ]);
      assert.deepEqual(people(again.graph), people(original.graph), `${name}: people, roles, skills, teams`);
      assert.deepEqual(
        [...again.graph.teams.values()].map((t) => [t.id, t.source.type, t.members]),
        [...original.graph.teams.values()].map((t) => [t.id, t.source.type, t.members]),
      );
      assert.deepEqual(raciMatrix(again.graph).rows, raciMatrix(original.graph).rows, `${name}: RACI`);
    }
    await assert.rejects(() => importXlsx(Buffer.from("not a workbook")), /not an XLSX workbook/);
  });

  it("Team API: Team Topologies types, members, services, interactions from both sides, openings, on-call", () => {
    const { graph } = checkText(`organisation: { name: T, stage: scaling }
people:
  - { id: ada, name: Ada, roles: [mlops-engineer], handle: "@ada" }
  - { id: bo, name: Bo, roles: [data-scientist], employment: contractor }
teams:
  - { id: plat, name: ML platform, type: platform, members: [ada], serves: [ds], handle: "@t/plat" }
  - { id: ds, type: product, members: [bo] }
products: [{ id: churn, team: ds, stage: production }]
openings: [{ id: de-hire, role: data-engineer, team: ds, start: 2027-03-01 }]
onCall: [{ id: plat-rota, team: plat, people: [ada] }]
`);
    const api = JSON.parse(renderTeamApi(graph)) as { teams: Record<string, unknown>[] };
    assert.deepEqual(api.teams[0], {
      id: "plat",
      name: "ML platform",
      type: "platform",
      mlteamType: "platform",
      handle: "@t/plat",
      members: [{ id: "ada", name: "Ada", roles: ["mlops-engineer"], handle: "@ada" }],
      openings: [],
      services: [],
      interactions: [{ team: "ds", mode: "x-as-a-service", role: "provider" }],
      onCall: [{ id: "plat-rota", people: ["ada"] }],
    });
    assert.deepEqual(api.teams[1], {
      id: "ds",
      name: "ds",
      type: "stream-aligned",
      mlteamType: "product",
      members: [{ id: "bo", name: "Bo", roles: ["data-scientist"], employment: "contractor" }],
      openings: [{ id: "de-hire", role: "data-engineer", start: "2027-03-01" }],
      services: [{ id: "churn", name: "churn", stage: "production" }],
      interactions: [{ team: "plat", mode: "x-as-a-service", role: "consumer" }],
      onCall: [],
    });
  });

  it("XLSX round trip keeps openings, stakeholders, units and the team tree", async () => {
    const model = `organisation: { name: R, stage: scaling }
people:
  - { id: ada, name: Ada, roles: [ml-engineer], leaves: 2027-01-31 }
  - { id: bo, name: Bo, roles: [business-analyst], employment: contractor, capacity: 50 }
units:
  - { id: data-office, name: Chief Data Office, type: department }
  - { id: analytics, type: sub-department, parent: data-office }
teams:
  - { id: scoring, type: product, members: [ada, bo], parent: analytics, handle: "@acme/scoring" }
products: [{ id: churn, team: scoring, stage: production }]
openings:
  - { id: mlops-hire, role: mlops-engineer, team: scoring, start: 2027-02-01, status: approved, note: budget signed }
  - { id: de-hire, role: data-engineer, product: churn }
stakeholders:
  - { kind: executive-sponsor, person: bo, lastReview: 2026-10-01 }
  - { kind: ciso, name: Security office, engaged: false, note: to meet }
`;
    const original = checkModel("m.yaml", memoryHost({ "m.yaml": model }), { today: TODAY });
    assert.deepEqual(original.diagnostics, []);
    const imported = await importXlsx(await renderXlsx(original.graph, []));
    assert.deepEqual(imported.openings, original.graph.model.openings);
    assert.deepEqual(imported.stakeholders, original.graph.model.stakeholders);
    assert.deepEqual(imported.units, original.graph.model.units);
    assert.deepEqual(
      imported.teams.map((t) => [t.id, t.parent, t.handle]),
      [["scoring", "analytics", "@acme/scoring"]],
    );
    const again = checkModel("m.yaml", memoryHost({ "m.yaml": importedToYaml(imported, "team.xlsx") }), {
      today: TODAY,
    });
    assert.deepEqual(again.diagnostics, []);
    assert.deepEqual(
      [...again.graph.people.values()].map((p) => [
        p.id,
        p.source.employment,
        p.source.capacity,
        p.source.leaves,
      ]),
      [...original.graph.people.values()].map((p) => [
        p.id,
        p.source.employment,
        p.source.capacity,
        p.source.leaves,
      ]),
    );
  });
});
