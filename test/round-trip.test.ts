/**
 * Lossless round trips (issue #25): a model exported to XLSX and imported back is the same model,
 * every field of every section, `x-*` keys included — for every example, a governance-rich model
 * and generated models; the JSON export carries the model whole; Backstage and Team API name what
 * they drop.
 */
import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import { describe, it } from "node:test";
import { type CheckResult, checkModel } from "../src/analysis/check-model.ts";
import { importedToYaml } from "../src/importers/merge.ts";
import { importXlsx } from "../src/importers/xlsx.ts";
import { fsHost } from "../src/io/fs-host.ts";
import type { Model } from "../src/model/model.ts";
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
    note-free: null
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
  raci/crowded-row: { severity: info, options: { max: 6 } }
suppress:
  - { rule: raci/role-unstaffed, subject: qa-engineer, reason: outsourced, expires: 2027-12-31 }
evidence:
  repositories: [{ path: ../repo, branch: main, patterns: { model-training-code: ["ml/**"] }, filter: code }]
  windowMonths: 6
  bots: ["*[bot]"]
`.replace("    note-free: null\n", "");

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

  it("JSON: the export carries the model whole", () => {
    const original = load({ "m.yaml": GOVERNANCE });
    const json = JSON.parse(renderTeamJson(original.graph)) as { model: unknown };
    assert.deepEqual(json.model, plainModel(original.graph.model));
  });
});
