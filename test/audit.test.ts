/**
 * mlteam audit: each clause's status agrees with the findings of the rules that check it, the
 * evidence names who oversees what and who is trained, model strings are escaped, and the HTML pack
 * prints in Chromium with one clause per page.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { launchChromium } from "../scripts/chromium.ts";
import { sinceWhen } from "../src/analysis/assignments.ts";
import { checkTeam, requireValid } from "../src/app/check-team.ts";
import { auditPack, renderAuditPack } from "../src/app/governance-pack.ts";
import { memoryHost } from "../src/model/memory-host.ts";
import { RepoBuilder } from "./evidence/repo-builder.ts";
import { TODAY } from "./helpers.ts";

const ROOT = join(import.meta.dirname, "..");
const BIN = join(ROOT, "dist", "cli", "main.js");
function run(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", MLTEAM_TODAY: TODAY },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
/** The CLI from its sources (through tsx), so that the test needs no build. */
function runSource(args: string[]) {
  const r = spawnSync(process.execPath, ["--import", "tsx", join(ROOT, "src", "cli", "main.ts"), ...args], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", MLTEAM_TODAY: TODAY },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const MODEL = `organisation: { name: "Acme <b>Bank</b>", stage: scaling }
people:
  - id: ana
    name: Ana Ruiz
    roles: [tech-lead]
    training: [{ topic: ai-literacy, date: 2026-02-01, expires: 2027-02-01 }, { topic: human-oversight, date: 2026-03-10 }]
    absences: [{ from: 2026-12-20, to: 2027-01-04 }]
    skills: { monitoring-logging: 3, statistics-ml: 2 }
  - { id: bo, name: "Bo <script>x</script>", roles: [ml-engineer] }
teams: [{ id: risk, type: product, members: [ana, bo] }]
products:
  - { id: credit-scoring, team: risk, stage: production, risk: high, operator: deployer, oversight: [ana] }
raci:
  - { activity: model-serving, product: credit-scoring, R: bo, A: ana }
`;

async function pack(text: string, framework: "eu-ai-act" | "iso-42001" | "nist-ai-rmf") {
  const check = requireValid(
    await checkTeam("mlteam.yaml", {
      host: memoryHost({ "mlteam.yaml": text }),
      today: TODAY,
      evidence: "never",
      frameworks: [framework],
    }),
  );
  return auditPack(check, framework, TODAY);
}

const scratch = mkdtempSync(join(tmpdir(), "mlteam-audit-"));
after(() => rmSync(scratch, { recursive: true, force: true }));

describe("mlteam audit", () => {
  it("gives each clause a status that agrees with the findings, and the evidence behind it", async () => {
    const eu = await pack(MODEL, "eu-ai-act");
    assert.deepEqual(
      eu.clauses.map((c) => [c.id, c.status, c.findings.map((f) => f.ruleId)]),
      [
        ["Art. 9(5)", "gap", ["governance/sponsor-accepts-risk"]],
        ["Art. 4", "gap", ["governance/ai-literacy"]],
        ["Art. 14", "met", []],
        ["Art. 26(2)", "gap", ["governance/oversight-absence"]],
        ["Art. 17(1)(m)", "not-applicable", []],
      ],
    );
    for (const clause of eu.clauses)
      assert.equal(clause.status === "gap", clause.findings.length > 0, clause.id);
    const byId = (id: string) => eu.clauses.find((c) => c.id === id);
    assert.deepEqual(byId("Art. 26(2)")?.evidence, [
      "credit-scoring (high risk, deployer): overseen by Ana Ruiz (trained 2026-03-10)",
    ]);
    assert.match(
      byId("Art. 26(2)")?.findings[0]?.message ?? "",
      /from 2026-12-20 to 2027-01-04, while Ana Ruiz is away/,
    );
    assert.deepEqual(byId("Art. 9(5)")?.evidence, [
      "ai-risk-acceptance: no RACI row",
      "executive sponsor: none named",
    ]);
    assert.deepEqual(byId("Art. 4")?.evidence, [
      "Ana Ruiz: AI literacy 2026-02-01, valid until 2027-02-01",
      "Bo <script>x</script>: no AI-literacy training on record",
    ]);
    assert.match(eu.disclaimer, /not legal advice/);
  });

  it("states the date each EU AI Act clause applies from, and the days left (an Annex III system: 2027-12-02)", () => {
    const model = join(scratch, "annex-iii.yaml");
    writeFileSync(model, MODEL.replace("risk: high,", "risk: high, annex: III,"));
    const r = runSource(["audit", model, "--framework", "eu-ai-act", "--format", "json"]);
    assert.equal(r.code, 1, r.stderr);
    const pack = JSON.parse(r.stdout) as {
      clauses: {
        id: string;
        dates: {
          obligation: string;
          date: string;
          daysLeft: number;
          products: string[];
          assumed: string[];
        }[];
        findings: { severity: string; message: string }[];
      }[];
    };
    const dates = Object.fromEntries(
      pack.clauses.map((c) => [c.id, c.dates.map((d) => [d.obligation, d.date, d.daysLeft, d.products])]),
    );
    // The tests run on 2026-11-22: 375 days before 2 December 2027; 477 days after 2 August 2025.
    const annexIII = [["high-risk-annex-iii", "2027-12-02", 375, ["credit-scoring"]]];
    assert.deepEqual(dates, {
      "Art. 9(5)": annexIII,
      "Art. 4": [["ai-literacy", "2025-08-02", -477, []]],
      "Art. 14": annexIII,
      "Art. 26(2)": annexIII,
      "Art. 17(1)(m)": [],
    });
    // More than 180 days before the date, the oversight findings are info; AI literacy is overdue.
    const severity = (id: string) => pack.clauses.find((c) => c.id === id)?.findings.map((f) => f.severity);
    assert.deepEqual(severity("Art. 26(2)"), ["info"]);
    assert.deepEqual(severity("Art. 4"), ["error"]);
    assert.match(
      pack.clauses.find((c) => c.id === "Art. 26(2)")?.findings[0]?.message ?? "",
      / — applies from 2027-12-02 \(Annex III\)$/,
    );
  });

  it("states the dates in Markdown and HTML too, and takes a high-risk system without annex as Annex III", async () => {
    const eu = await pack(MODEL.replace("risk: high,", "risk: high, annex: I,"), "eu-ai-act");
    assert.deepEqual(
      eu.clauses.find((c) => c.id === "Art. 14")?.dates.map((d) => [d.date, d.daysLeft]),
      [["2028-08-02", 619]],
    );
    const markdown = renderAuditPack(eu, "markdown");
    assert.match(markdown, /\| clause \| what it asks \| applies \| status \|/);
    assert.match(markdown, /\| Art\. 14 \| .* \| from 2028-08-02, 619 days left \| met \|/);
    assert.match(markdown, /\| Art\. 4 \| .* \| since 2025-08-02, 477 days ago \| gap \|/);
    assert.match(
      markdown,
      /- from 2028-08-02, 619 days left: obligations for high-risk AI systems under Annex I .* — credit-scoring\. Source: .*Digital Omnibus on AI/,
    );
    const html = renderAuditPack(eu, "html");
    assert.match(html, /<th scope="col">Applies<\/th>/);
    assert.match(html, /<strong>from 2028-08-02, 619 days left<\/strong>/);
    const unset = await pack(MODEL, "eu-ai-act");
    const [date] = unset.clauses.find((c) => c.id === "Art. 26(2)")?.dates ?? [];
    assert.deepEqual(
      [date?.date, date?.products, date?.assumed],
      ["2027-12-02", ["credit-scoring"], ["credit-scoring"]],
    );
    assert.match(
      renderAuditPack(unset, "markdown"),
      /credit-scoring \(credit-scoring: no \\`annex\\` recorded, taken as Annex III\)/,
    );
    // Frameworks without dates keep their table as it was.
    const iso = renderAuditPack(await pack(MODEL, "iso-42001"), "markdown");
    assert.match(iso, /\| clause \| what it asks \| status \|/);
  });

  it("marks oversight clauses not applicable when no system is high-risk", async () => {
    const iso = await pack(MODEL.replace("risk: high", "risk: minimal"), "iso-42001");
    assert.deepEqual(
      iso.clauses.map((c) => [c.id, c.status]),
      [
        ["5.3", "gap"],
        ["7.2", "gap"],
        ["A.3.2", "not-applicable"],
        ["A.10.2", "not-applicable"],
      ],
    );
  });

  it("escapes every model string in Markdown and HTML", async () => {
    const eu = await pack(MODEL, "eu-ai-act");
    const html = renderAuditPack(eu, "html");
    assert.doesNotMatch(html, /<script>x<\/script>|<b>Bank<\/b>/);
    assert.match(html, /Bo &lt;script&gt;x&lt;\/script&gt;/);
    const markdown = renderAuditPack(eu, "markdown");
    assert.match(markdown, /Bo \\<script\\>x\\<\/script\\>/);
    assert.deepEqual(JSON.parse(renderAuditPack(eu, "json")).framework, "eu-ai-act");
  });

  it("exits 1 when a clause has a gap, writes the pack into --out, and refuses an unknown framework", () => {
    const dir = join(scratch, "cli");
    const model = join(scratch, "mlteam.yaml");
    writeFileSync(model, MODEL);
    const r = run(["audit", model, "--framework", "eu-ai-act", "--format", "json", "--out", dir]);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stdout, /Wrote .*audit-eu-ai-act\.json/);
    const broken = join(scratch, "broken.yaml");
    writeFileSync(
      broken,
      "organisation: { name: X, stage: scaling }\npeople: [{ id: a, name: A, roles: [nope] }]\n",
    );
    const invalid = run(["audit", broken, "--framework", "eu-ai-act", "--format", "json"]);
    assert.equal(invalid.code, 2);
    assert.deepEqual(
      (JSON.parse(invalid.stdout) as { valid: boolean; diagnostics: { line: number }[] }).diagnostics.map(
        (d) => d.line,
      ),
      [2],
      "an invalid model still gets a whole JSON document",
    );
    assert.match(
      invalid.stderr,
      /broken\.yaml:2:\d+ {2}error {2}people\[0\]\.roles\[0\]: unknown role "nope"/,
    );
    const bad = run(["audit", model, "--framework", "gdpr"]);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /Allowed choices are eu-ai-act, iso-42001, nist-ai-rmf/);
  });

  it("prints from Chromium with each clause on a page of its own", async () => {
    const eu = await pack(MODEL, "eu-ai-act");
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      await page.setContent(renderAuditPack(eu, "html"));
      const pdf = await page.pdf({ format: "A4" });
      // One page for the summary, then one per clause (each is short enough to fit on one).
      const pages = pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? [];
      assert.equal(pages.length, 1 + eu.clauses.length);
    } finally {
      await browser.close();
    }
  });

  it("says since when each assignment holds, from the model's git history, a break starting it again", async () => {
    assert.deepEqual(
      [
        ...sinceWhen([
          { version: { commit: "a1", date: "2026-01-02T10:00:00Z" }, keys: new Set(["x", "y"]) },
          { version: { commit: "b2", date: "2026-02-02T10:00:00Z" }, keys: new Set(["x"]) },
          { version: { commit: "c3", date: "2026-03-02T10:00:00Z" }, keys: new Set(["x", "y"]) },
        ]),
      ],
      [
        ["x", { commit: "a1", date: "2026-01-02" }],
        ["y", { commit: "c3", date: "2026-03-02" }],
      ],
    );
    const repo = new RepoBuilder(join(scratch, "governed"));
    writeFileSync(join(repo.dir, "mlteam.yaml"), MODEL.replace("oversight: [ana]", "oversight: []"));
    repo.commit({ name: "Ann Lee", email: "ann@x.org" }, "no overseer yet");
    writeFileSync(join(repo.dir, "mlteam.yaml"), MODEL);
    const named = repo.commit({ name: "Ann Lee", email: "ann@x.org" }, "Ana oversees scoring");
    const r = run(["audit", join(repo.dir, "mlteam.yaml"), "--framework", "eu-ai-act", "--format", "json"]);
    const pack = JSON.parse(r.stdout) as { clauses: { id: string; evidence: string[] }[] };
    assert.deepEqual(pack.clauses.find((c) => c.id === "Art. 26(2)")?.evidence, [
      `credit-scoring (high risk, deployer): overseen by Ana Ruiz (trained 2026-03-10, since 2026-01-03 (${named.slice(0, 7)}))`,
    ]);
  });
});
