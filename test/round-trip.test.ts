/**
 * Lossless round trips (issue #25): a model exported to XLSX and imported back is the same model,
 * every field of every section, `x-*` keys included — for every example, a governance-rich model
 * and generated models; the JSON export carries the model whole; Backstage and Team API name what
 * they drop.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { type CheckResult, checkModel } from "../src/analysis/check-model.ts";
import { importBackstage } from "../src/importers/backstage.ts";
import { importedToYaml } from "../src/importers/merge.ts";
import { planModelMerge } from "../src/importers/merge-model.ts";
import { importXlsx } from "../src/importers/xlsx.ts";
import { fsHost } from "../src/io/fs-host.ts";
import type { Model } from "../src/model/model.ts";
import type { Person } from "../src/model/schema.ts";
import { renderBackstage } from "../src/render/export/backstage.ts";
import {
  BACKSTAGE_CARRIES,
  droppedFields,
  droppedWarnings,
  TEAM_API_CARRIES,
} from "../src/render/export/dropped.ts";
import { renderTeamJson } from "../src/render/export/json.ts";
import { renderXlsx } from "../src/render/export/xlsx.ts";
import { memoryHost, TODAY } from "./helpers.ts";
import { plainModel } from "./plain-model.ts";

const load = (files: Record<string, string>, entry = "m.yaml") =>
  checkModel(entry, memoryHost(files), { today: TODAY, validateOnly: true });

/** The model imported from the workbook `original` exports, loaded as a model. */
async function throughXlsx(original: CheckResult): Promise<{ again: CheckResult; notes: string[] }> {
  const imported = await importXlsx(await renderXlsx(original.graph, original.doctor?.findings ?? []));
  const again = load({ "m.yaml": importedToYaml(imported, "team.xlsx") });
  return { again, notes: imported.notes };
}

/** Section by section, entry by entry, so a failure names the field that changed. */
function assertSameModel(actual: Model, expected: Model, name: string): void {
  const [a, e] = [plainModel(actual), plainModel(expected)];
  for (const section of Object.keys(e)) {
    const [left, right] = [a[section], e[section]];
    if (Array.isArray(right) && Array.isArray(left)) {
      for (const [i, entry] of right.entries()) assert.deepEqual(left[i], entry, `${name}: ${section}[${i}]`);
      assert.equal(left.length, right.length, `${name}: ${section} entries`);
    } else assert.deepEqual(left, right, `${name}: ${section}`);
  }
}

const GOVERNANCE = `organisation:
  name: Acme Bank
  stage: scaling
  mlProducts: 2
  topology: centralized
  frameworks: [eu-ai-act, iso-42001]
  x-cost-centre: CC-42
people:
  - id: ada
    name: Ada Lovelace
    emails: [ada@acme.test, a.lovelace@acme.test]
    git: [ada-l]
    handle: "@ada"
    titles: ["Head of ML; acting", Director]
    roles: [{ role: lead-data-scientist, allocation: 60, acknowledged: 2026-01-10 }, tech-lead]
    skills: { statistics-ml: 4, mlops-knowledge: 2 }
    absences:
      - { from: 2026-12-20, to: 2027-01-05, reason: holiday, x-approved: true }
      - { from: 2027-03-01, to: 2027-03-02 }
    capacity: 80
    joined: 2020-04-01
    training:
      - { topic: ai-literacy, date: 2026-02-01, expires: 2027-02-01 }
      - { topic: human-oversight, date: 2026-03-01 }
    development:
      - { competency: cloud-devops, level: 3, due: 2027-06-30 }
    x-site: Lisbon
    x-grades: { band: 7, track: ic }
  - id: bo
    name: Bo
    roles: [{ role: mlops-engineer, allocation: 100 }]
    reportsTo: ada
    employment: contractor
    leaves: 2027-09-30
  - { id: cy, name: '  "Cy" [the third]  ', roles: [ml-engineer, data-engineer], reportsTo: ada, employment: employee }
units:
  - { id: data-office, name: Data office, type: department, x-budget: 1200000 }
teams:
  - { id: scoring, name: Scoring, type: product, members: [ada, cy], lead: ada, handle: "@acme/scoring", parent: data-office }
  - { id: plat, type: platform, members: [bo], serves: [scoring], x-tier: gold }
  - { id: empty, type: enabling, members: [] }
products:
  - id: credit
    name: Credit scoring
    team: scoring
    stage: production
    risk: high
    annex: III
    operator: provider
    oversight: [ada, cy]
    docs: { science: docs/science.md, techSpec: docs/spec.md }
    x-registry: EU-123
  - { id: chat, team: scoring, stage: prototype, risk: limited, operator: deployer }
openings:
  - { id: mlops-hire, role: mlops-engineer, team: plat, start: 2027-02-01, status: approved, note: "budget; signed" }
  - { id: ds-hire, role: data-scientist, product: credit, status: open }
onCall:
  - { id: plat-rota, team: plat, people: [bo], note: weekdays }
  - { id: deploy-rota, activity: k8s-deployment, people: [bo, cy], x-pager: PD-1 }
stakeholders:
  - { kind: executive-sponsor, person: ada, engaged: true, lastReview: 2026-10-01 }
  - { kind: ciso, name: Security office, engaged: false, note: to meet }
raci:
  - { activity: model-training-code, R: [data-scientist, person:cy], A: ada, C: mlops-engineer, I: [tech-lead], backup: [cy] }
  - { activity: model-training-code, product: credit, R: cy, A: ada, backup: bo, note: "credit's own" }
  - { activity: k8s-deployment, R: [mlops-engineer], A: person:bo, x-sla: 4h }
roles:
  - id: risk-officer
    name: Risk officer
    category: governance
    focus: model risk
    responsibilities: [validate models, sign off]
    tools: [SAS]
    deliverables: [validation report]
    competencies: { statistics-ml: 3 }
    projectOnly: false
    aliases: [MRM officer]
activities:
  - { id: model-validation, name: Model validation, area: governance, description: "Independent; second line", competencies: { statistics-ml: 3 }, essentialFrom: scaling, productionCritical: true }
competencies:
  - { id: model-risk, name: Model risk, group: governance, description: SR 11-7, tools: [SAS, R] }
rules:
  staffing/team-size: off
  raci/crowded-row: { severity: info, options: { maxConsulted: 6 } }
suppress:
  - { rule: raci/role-unstaffed, subject: qa-engineer, reason: outsourced, expires: 2027-12-31 }
evidence:
  repositories: [{ path: ../repo, branch: main, patterns: { model-training-code: ["ml/**"] }, filter: code }]
  windowMonths: 6
  bots: ["*[bot]"]
`;

describe("lossless round trips", () => {
  it("XLSX: every example comes back as the same model, field by field", async () => {
    for (const name of readdirSync("examples").sort()) {
      const original = checkModel(`examples/${name}`, fsHost, { today: TODAY });
      const { again } = await throughXlsx(original);
      assert.deepEqual(
        again.diagnostics.filter((d) => d.severity === "error"),
        [],
        `${name}: the imported model is valid`,
      );
      assertSameModel(again.graph.model, original.graph.model, name);
    }
  });

  it("XLSX: a governance-rich model (risk, oversight, training, reportsTo, on-call, frameworks, x-* keys, backups…) comes back whole", async () => {
    const original = load({ "m.yaml": GOVERNANCE });
    assert.deepEqual(
      original.diagnostics.filter((d) => d.severity === "error"),
      [],
    );
    const { again, notes } = await throughXlsx(original);
    assert.deepEqual(notes, []);
    assert.deepEqual(
      again.diagnostics.filter((d) => d.severity === "error"),
      [],
    );
    assertSameModel(again.graph.model, original.graph.model, "governance");
  });

  it("XLSX: the doctor finds the same on the imported model (governance findings are not resolved by the trip)", async () => {
    // Without its evidence section: rules run, no repository is mined.
    const text = GOVERNANCE.replace(/^evidence:[\s\S]*$/m, "");
    const run = (yaml: string) => checkModel("m.yaml", memoryHost({ "m.yaml": yaml }), { today: TODAY });
    const original = run(text);
    const imported = await importXlsx(await renderXlsx(original.graph, original.doctor?.findings ?? []));
    const again = run(importedToYaml(imported, "team.xlsx"));
    const found = (check: CheckResult) =>
      (check.doctor?.findings ?? []).map((f) => `${f.ruleId} ${f.severity} ${f.subject} ${f.message}`).sort();
    assert.ok(
      found(original).some((f) => f.startsWith("governance/")),
      "governance rules fire",
    );
    assert.deepEqual(found(again), found(original));
    assert.equal(again.doctor?.suppressed, original.doctor?.suppressed);
  });

  it("JSON: the export carries the model whole", () => {
    const original = load({ "m.yaml": GOVERNANCE });
    const json = JSON.parse(renderTeamJson(original.graph)) as { model: unknown };
    assert.deepEqual(json.model, plainModel(original.graph.model));
  });

  it("XLSX: an edited cell comes back edited; an edited RACI matrix is read and noted", async () => {
    const original = load({ "m.yaml": GOVERNANCE });
    const buffer = await renderXlsx(original.graph, []);
    const { default: readXlsxFile } = await import("read-excel-file/node");
    const sheets = (await readXlsxFile(buffer)) as { sheet: string; data: unknown[][] }[];
    const people = sheets.find((x) => x.sheet === "People")?.data ?? [];
    const name = people[0]?.indexOf("Name") ?? -1;
    (people[1] as unknown[])[name] = "Ada King";
    // A column and a sheet of one's own are named, not dropped silently.
    (people[0] as unknown[]).push("Cost centre");
    (people[1] as unknown[]).push("CC-1");
    sheets.push({ sheet: "Mine", data: [["anything"]] });
    const matrix = sheets.find((x) => x.sheet === "RACI")?.data ?? [];
    const row = matrix.findIndex((r) => String(r[0]).endsWith("[k8s-deployment]"));
    const column = matrix[0]?.findIndex((h) => String(h).endsWith("[person:bo]")) ?? -1;
    (matrix[row] as unknown[])[column] = "R";
    const { default: writeXlsxFile } = await import("write-excel-file/node");
    const edited = await writeXlsxFile(
      sheets.map((x) => ({
        sheet: x.sheet,
        data: x.data.map((r) => r.map((value) => (value === null ? null : { value }))),
      })) as never,
    ).toBuffer();
    const imported = await importXlsx(edited);
    assert.deepEqual(imported.notes, [
      "RACI: k8s-deployment was edited in the RACI matrix; its letters are read from the matrix",
      'People: column "Cost centre" is no field of the model; not read (an x- attribute goes in Extensions, as JSON)',
      'sheet "Mine" is not one mlteam writes; not read',
    ]);
    assert.equal(imported.people[0]?.name, "Ada King");
    assert.deepEqual(
      imported.people[0]?.training,
      original.graph.model.people[0]?.training,
      "the rest stays",
    );
    const k8s = imported.raci.find((r) => r.activity === "k8s-deployment");
    assert.deepEqual(k8s, { activity: "k8s-deployment", R: ["mlops-engineer", "person:bo"], "x-sla": "4h" });
  });

  it("Backstage: what the export carries comes back (people, units, teams, products)", () => {
    const { model } = load({ "m.yaml": GOVERNANCE }).graph;
    const back = importBackstage(renderBackstage(load({ "m.yaml": GOVERNANCE }).graph));
    const roleIds = (roles: Person["roles"]) =>
      (roles ?? []).map((r) => (typeof r === "string" ? r : r.role));
    assert.deepEqual(
      back.people.map((p) => [p.id, p.name, p.emails?.[0], p.titles, p.handle, roleIds(p.roles)]),
      model.people.map((p) => [p.id, p.name.trim(), p.emails?.[0], p.titles, p.handle, roleIds(p.roles)]),
    );
    assert.deepEqual(
      back.units,
      model.units.map((u) => {
        const { "x-budget": _, ...carried } = u as Record<string, unknown>;
        return carried;
      }),
    );
    assert.deepEqual(
      back.teams.map((t) => [t.id, t.type, t.members, t.serves, t.handle, t.parent]),
      model.teams.map((t) => [t.id, t.type, t.members, t.serves, t.handle, t.parent]),
    );
    assert.deepEqual(
      back.products,
      model.products.map((p) => ({
        id: p.id,
        ...(p.name ? { name: p.name } : {}),
        team: p.team,
        stage: p.stage,
      })),
    );
  });

  it("Backstage and Team API name every field they drop, located; mlteam export prints them on stderr", () => {
    const original = load({ "m.yaml": GOVERNANCE });
    const backstage = droppedFields(original.graph.model, BACKSTAGE_CARRIES).map((d) => d.path);
    for (const path of [
      "organisation.frameworks",
      "organisation.x-cost-centre",
      "people[].training",
      "people[].reportsTo",
      "people[].roles[].acknowledged",
      "products[].risk",
      "products[].operator",
      "products[].oversight",
      "onCall[]",
      "raci[]",
    ])
      assert.ok(backstage.includes(path), `Backstage names ${path}`);
    assert.ok(
      !backstage.includes("people[].name") && !backstage.includes("teams[].members"),
      "what it carries is not named",
    );
    const teamApi = droppedWarnings("Team API", droppedFields(original.graph.model, TEAM_API_CARRIES));
    assert.ok(
      teamApi.includes("m.yaml:59:5: the Team API export drops onCall[] (outside a team)"),
      teamApi.join("\n"),
    );
    assert.ok(
      teamApi.includes("m.yaml:14:13: the Team API export drops people[].titles"),
      teamApi.join("\n"),
    );
    const dir = mkdtempSync(join(tmpdir(), "mlteam-drops-"));
    try {
      // Without its evidence section: the CLI would mine the repository it names.
      writeFileSync(join(dir, "mlteam.yaml"), GOVERNANCE.replace(/^evidence:[\s\S]*$/m, ""));
      const cli = spawnSync(
        process.execPath,
        ["--import", "tsx", "src/cli/main.ts", "export", dir, "--format", "backstage"],
        {
          encoding: "utf8",
          env: { ...process.env, NO_COLOR: "1", MLTEAM_TODAY: TODAY },
        },
      );
      assert.equal(cli.status, 0, cli.stderr);
      assert.match(
        cli.stderr,
        /^warning: .*mlteam\.yaml:\d+:\d+: the Backstage export drops people\[\]\.training$/m,
      );
      assert.match(cli.stdout, /kind: User/);
      const json = spawnSync(
        process.execPath,
        ["--import", "tsx", "src/cli/main.ts", "export", dir, "--format", "json"],
        {
          encoding: "utf8",
          env: { ...process.env, NO_COLOR: "1", MLTEAM_TODAY: TODAY },
        },
      );
      assert.equal(json.stderr, "", "the JSON export carries everything");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("XLSX into a model (--into): every section is merged; the model keeps its own organisation and settings, and says so", async () => {
    const original = load({ "m.yaml": GOVERNANCE });
    const imported = await importXlsx(await renderXlsx(original.graph, []));
    // The path `mlteam import --into` takes: the whole model, planned and written file by file.
    const ours = "organisation: { name: Ours, stage: starting }\n";
    const plan = planModelMerge(load({ "m.yaml": ours }).graph.model, "m.yaml", () => ours, imported);
    const merged = { ...plan, text: plan.files.get("m.yaml") ?? ours };
    assert.deepEqual(merged.skipped, [
      "organisation (the model keeps its own)",
      "rules (the model keeps its own)",
      "evidence (the model keeps its own)",
    ]);
    for (const label of [
      "on-call rotation plat-rota",
      "role risk-officer",
      "activity model-validation",
      "competency model-risk",
      "suppression of raci/role-unstaffed",
    ])
      assert.ok(merged.added.includes(label), label);
    const again = load({ "m.yaml": merged.text });
    assert.deepEqual(
      again.diagnostics.filter((d) => d.severity === "error"),
      [],
    );
    const [a, e] = [plainModel(again.graph.model), plainModel(original.graph.model)];
    for (const section of ["people", "onCall", "raci", "roles", "activities", "competencies", "suppress"])
      assert.deepEqual(a[section], e[section], section);
  });
});
