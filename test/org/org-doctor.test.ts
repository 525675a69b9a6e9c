/**
 * The organisation as one model (test/fixtures/org-three: a platform serving two product teams, each
 * in its own repository): `mlteam org doctor` resolves references across repositories, matches one
 * person across teams, credits what the platform provides, and keeps each row in its scope.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { checkTeam } from "../../src/app/check-team.ts";
import { organisationAudit } from "../../src/app/org-audit.ts";
import { checkTeamInOrganisation, loadOrganisation, readSources } from "../../src/app/org-check.ts";
import { organisationDoctor, readOrgConfig } from "../../src/app/org-doctor.ts";
import { fsHost } from "../../src/io/fs-host.ts";
import { BIN, commit, git } from "./team-repos.ts";

const FIXTURE = join(import.meta.dirname, "..", "fixtures", "org-three");
const TODAY = "2026-12-07";
let scratch: string;

describe("the organisation as one model", () => {
  before(() => {
    scratch = mkdtempSync(join(tmpdir(), "mlteam-org-doctor-"));
    cpSync(FIXTURE, scratch, { recursive: true });
    for (const team of ["platform", "fraud", "recs"]) {
      git(join(scratch, team), "init", "-q", "-b", "main");
      commit(join(scratch, team), "the team model");
    }
  });
  after(() => rmSync(scratch, { recursive: true, force: true }));

  it("checks each repository alone without an error for its cross-repository references", async () => {
    for (const team of ["platform", "fraud", "recs"]) {
      const check = await checkTeam(join(scratch, team, "mlteam.yaml"), {
        host: fsHost,
        today: TODAY,
        evidence: "never",
      });
      assert.equal(check.valid, true, `${team}: ${check.diagnostics.map((d) => d.message).join("; ")}`);
      const left =
        check.doctor?.findings.filter((f) => f.ruleId === "topology/organisation-references") ?? [];
      assert.equal(left.length, 1, team);
      assert.equal(left[0]?.severity, "info");
    }
  });

  it("gives three teams by their own names, one over-allocation naming both teams, no false platform findings", async () => {
    const result = await organisationDoctor({ config: join(scratch, "mlteam-org.yaml"), today: TODAY });
    assert.deepEqual(
      result.teams.map((t) => [t.id, t.name, t.valid]),
      [
        ["platform", "ML Platform", true],
        ["fraud", "Fraud Detection", true],
        ["recs", "Recommendations", true],
      ],
    );
    const over = result.findings.filter((f) => f.ruleId === "organisation/over-allocated");
    assert.equal(over.length, 1);
    assert.deepEqual(over[0]?.teams, ["platform", "recs"]);
    assert.match(
      over[0]?.message ?? "",
      /^Mei Lin is allocated 120% across 2 teams \(platform 60%, recs 60%\).*by e-mail$/,
    );
    assert.deepEqual(over[0]?.at, ["platform:mlteam.yaml:22:9", "recs:mlteam.yaml:17:9"]);
    for (const id of ["fraud", "recs"]) {
      const team = result.teams.find((t) => t.id === id);
      const text = team?.findings.map((f) => `${f.ruleId} ${f.message}`).join("\n") ?? "";
      assert.doesNotMatch(
        text,
        /platform-coverage|mlops-engineer|organisation-references|executive-sponsor/,
        id,
      );
      // Everything a team is told is located in its own repository's files.
      assert.ok(team?.findings.every((f) => f.location.file === "mlteam.yaml"));
    }
    // Reached through reportsTo across repositories (fraud → lmoreau → kchen → caroline): no team lacks a sponsor.
    assert.deepEqual(
      result.findings.filter((f) => f.kind === "no-sponsor"),
      [],
    );
    // The platform is not told it serves nobody, nor asked for the product teams' activities.
    const platform = result.teams.find((t) => t.id === "platform");
    assert.doesNotMatch(
      platform?.findings.map((f) => f.message).join("\n") ?? "",
      /serves no team|data-exploration/,
    );
  });

  it("resolves the high-risk product's rows within its team and the platform serving it, never the recommendations team", async () => {
    const org = loadOrganisation(
      readSources(readOrgConfig(join(scratch, "mlteam-org.yaml")), join(scratch, ".data")),
    );
    const at = org.sources.read.find((r) => r.source.id === "fraud");
    assert.ok(at);
    const { check } = await checkTeamInOrganisation(org, at, { today: TODAY });
    const recs = new Set(["hbauer", "mei", "oscar", "zoe", "ravi", "nina"]);
    const productRows = check.graph.raci.filter((e) => e.product === "fraud-scoring");
    assert.equal(productRows.length, 1);
    assert.deepEqual(productRows[0]?.cells.find((c) => c.letter === "R")?.people, ["jamal"]);
    for (const entry of check.graph.raci)
      for (const cell of entry.cells)
        for (const person of cell.people) assert.ok(!recs.has(person), `${entry.activity} names ${person}`);
    // The platform's generic row resolves to the platform's ML engineer only.
    const serving = check.graph.raci.find((e) => e.activity === "model-serving");
    assert.deepEqual(serving?.cells.find((c) => c.letter === "R")?.people, ["dev"]);
  });

  it("audits the fraud team's high-risk product naming only its people and the platform's, never the recommendations team's", async () => {
    const audit = await organisationAudit({
      config: join(scratch, "mlteam-org.yaml"),
      framework: "eu-ai-act",
      today: TODAY,
      teams: ["fraud"],
    });
    assert.deepEqual(
      audit.teams.map((t) => [t.id, t.name]),
      [["fraud", "Fraud Detection"]],
    );
    const text = JSON.stringify(audit.teams[0]?.pack);
    assert.match(text, /Anya Petrova/);
    for (const name of ["Hanna Bauer", "Oscar Lund", "Zoe Carter", "Ravi Shah", "Nina Olsen"])
      assert.doesNotMatch(text, new RegExp(name));
  });

  it("reports a reference that resolves nowhere in the organisation as an error in its file", async () => {
    const dir = mkdtempSync(join(tmpdir(), "mlteam-org-typo-"));
    try {
      cpSync(scratch, dir, { recursive: true });
      const fraud = join(dir, "fraud", "mlteam.yaml");
      const { readFileSync, writeFileSync } = await import("node:fs");
      writeFileSync(
        fraud,
        readFileSync(fraud, "utf8").replace("reportsTo: kchen", "reportsTo: kchan-nowhere"),
      );
      commit(join(dir, "fraud"), "a typo");
      const result = await organisationDoctor({ config: join(dir, "mlteam-org.yaml"), today: TODAY });
      const team = result.teams.find((t) => t.id === "fraud");
      assert.equal(team?.valid, false);
      assert.deepEqual(
        team?.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.message}`),
        ['mlteam.yaml:17:16 people[0].reportsTo: unknown person "kchan-nowhere"'],
      );
      // The other teams are still checked.
      assert.deepEqual(
        result.teams.filter((t) => t.valid).map((t) => t.id),
        ["platform", "recs"],
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("runs from the CLI: JSON as documented, exit 1 for the error across teams, exit 2 for an unknown team", () => {
    const run = (...args: string[]) =>
      spawnSync(
        process.execPath,
        [BIN, "org", "doctor", "--config", join(scratch, "mlteam-org.yaml"), ...args],
        {
          encoding: "utf8",
        },
      );
    const json = run("--format", "json");
    assert.equal(json.status, 1, json.stderr);
    const doc = JSON.parse(json.stdout) as {
      organisation: string;
      teams: { id: string; name: string; score: number; findings: unknown[] }[];
      findings: unknown[];
    };
    assert.equal(doc.organisation, "Northpeak Bank");
    assert.deepEqual(Object.keys(doc), ["organisation", "teams", "findings"]);
    assert.ok(doc.teams.every((t) => typeof t.score === "number" && Array.isArray(t.findings)));
    const sarif = JSON.parse(run("--format", "sarif").stdout) as {
      runs: { originalUriBaseIds: object; results: unknown[] }[];
    };
    assert.deepEqual(Object.keys(sarif.runs[0]?.originalUriBaseIds ?? {}), ["platform", "fraud", "recs"]);
    const unknown = run("--team", "fruad");
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /no team "fruad"/);
    assert.doesNotMatch(unknown.stderr, /\n\s+at /);
  });
});
