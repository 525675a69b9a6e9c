/**
 * The health score (docs/score.md): its arithmetic, and the properties that make it trustworthy on
 * real models — leaving information out never raises it, covering an uncovered activity never
 * lowers it, an empty organisation cannot score well.
 */
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import fc from "fast-check";
import { parse, stringify } from "yaml";
import { assessCoverage } from "../src/analysis/coverage.ts";
import type { Finding, Rule, Severity } from "../src/analysis/rule.ts";
import { RULES } from "../src/analysis/rules/index.ts";
import { RULE_FLOOR, SCORE_AREAS, SEVERITY_COST, scoreTeam } from "../src/analysis/score.ts";
import { checkTeam } from "../src/app/check-team.ts";
import { checkText, memoryHost, TODAY } from "./helpers.ts";

const ROOT = join(import.meta.dirname, "..");

const finding = (ruleId: string, severity: Severity): Finding => ({
  ruleId,
  area: ruleId.split("/")[0] as string,
  severity,
  message: "m",
  location: { file: "m.yaml", line: 1, column: 1 },
  fix: "f",
});

/** Rules with nothing to assess, one per area and name, for the arithmetic. */
const rule = (id: string): Rule => ({
  id,
  meta: {
    area: id.split("/")[0] as string,
    severity: "warn",
    description: "",
    rationale: "",
    source: "",
    fix: "",
  },
  check: () => {},
});
const NAMES = ["a", "b", "c"];
const SYNTHETIC = SCORE_AREAS.flatMap((area) => NAMES.map((n) => rule(`${area}/${n}`)));
const FULL = assessCoverage(checkText("people: [{ id: a, name: A }]\n").graph);

const score = (findings: Finding[]) => scoreTeam({ findings, rules: SYNTHETIC, coverage: FULL });

const arbitraryFinding = fc
  .tuple(
    fc.constantFrom(...SCORE_AREAS),
    fc.constantFrom(...NAMES),
    fc.constantFrom<Severity>("error", "warn", "info"),
  )
  .map(([area, name, severity]) => finding(`${area}/${name}`, severity));

describe("the health score's arithmetic", () => {
  it("is 100 everywhere without findings, with full coverage", () => {
    const s = score([]);
    assert.equal(s.overall, 100);
    assert.deepEqual(Object.keys(s.areas), [...SCORE_AREAS]);
    assert.ok(Object.values(s.areas).every((v) => v === 100));
  });

  it("takes a share per finding, floors each rule, multiplies within an area and weighs the areas", () => {
    const s = score([
      finding("risk/a", "error"),
      finding("risk/a", "error"),
      finding("risk/b", "warn"),
      finding("raci/a", "info"),
    ]);
    const twoErrors = RULE_FLOOR + (1 - RULE_FLOOR) * (1 - SEVERITY_COST.error) ** 2;
    const oneWarn = RULE_FLOOR + (1 - RULE_FLOOR) * (1 - SEVERITY_COST.warn);
    assert.equal(s.areas.risk, Math.round(100 * twoErrors * oneWarn));
    assert.equal(s.areas.raci, Math.round(100 * (RULE_FLOOR + (1 - RULE_FLOOR) * (1 - SEVERITY_COST.info))));
    assert.ok(s.overall < 100 && s.overall > s.areas.risk);
    assert.equal(s.costs[0]?.ruleId, "risk/a", "the costliest rule first");
  });

  it("moves with every fix: removing one of eleven warnings of a rule raises its area", () => {
    const eleven = Array.from({ length: 11 }, () => finding("skills/a", "warn"));
    assert.ok((score(eleven.slice(0, 8)).areas.skills ?? 0) > (score(eleven).areas.skills ?? 0));
    assert.ok((score(eleven.slice(0, 10)).areas.skills ?? 0) > (score(eleven).areas.skills ?? 0));
  });

  it("never rises when a finding is added, and stays within 0–100 (property)", () => {
    fc.assert(
      fc.property(fc.array(arbitraryFinding, { maxLength: 40 }), arbitraryFinding, (findings, extra) => {
        const before = score(findings);
        const after = score([...findings, extra]);
        assert.ok(after.overall <= before.overall);
        for (const area of SCORE_AREAS) assert.ok((after.areas[area] ?? 0) <= (before.areas[area] ?? 0));
        assert.ok(after.overall >= 0 && after.overall <= 100);
      }),
    );
  });

  it("depends only on the findings, not their order (property)", () => {
    fc.assert(
      fc.property(fc.array(arbitraryFinding, { maxLength: 30 }), (findings) => {
        assert.deepEqual(score(findings), score([...findings].reverse()));
      }),
    );
  });
});

/** Every file of an example, by path. */
function exampleFiles(name: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
      const path = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else if (/\.ya?ml$/.test(entry.name)) files[path] = readFileSync(join(ROOT, path), "utf8");
    }
  };
  walk(`examples/${name}`);
  return files;
}

async function scoreOf(files: Record<string, string>, entry: string) {
  const check = await checkTeam(entry, { host: memoryHost(files), today: TODAY, evidence: "never" });
  assert.ok(check.valid, JSON.stringify(check.diagnostics.slice(0, 3)));
  return check.score as NonNullable<typeof check.score>;
}

/** The example with `section` removed from every file (and what referred to it, so it stays valid). */
function without(files: Record<string, string>, section: "raci" | "people" | "stakeholders") {
  const out: Record<string, string> = {};
  for (const [path, text] of Object.entries(files)) {
    const doc = parse(text) as Record<string, unknown>;
    delete doc[section];
    if (section === "people") {
      // Teams, RACI cells, stakeholders and products name people: drop those references.
      for (const team of (doc.teams as { members?: unknown; lead?: unknown }[] | undefined) ?? []) {
        team.members = [];
        delete team.lead;
      }
      delete doc.raci;
      doc.stakeholders = ((doc.stakeholders as { person?: unknown }[] | undefined) ?? []).filter(
        (s) => !s.person,
      );
      delete doc.suppress;
    }
    if (section === "raci") delete doc.suppress;
    out[path] = stringify(doc);
  }
  return out;
}

const EXAMPLES = readdirSync(join(ROOT, "examples")).sort();

describe("the health score on models", () => {
  it("gives an organisation with nobody in it at most 30, and says why", async () => {
    const empty = await scoreOf(
      { "m.yaml": "organisation: { name: E, stage: mature, mlProducts: 3 }\n" },
      "m.yaml",
    );
    assert.ok(empty.overall <= 30, `empty organisation scores ${empty.overall}`);
    assert.ok(empty.coverage.missing.some((m) => /nobody is in the model/.test(m)));
    assert.ok(empty.coverage.missing.some((m) => /no RACI/.test(m)));
    for (const name of EXAMPLES) {
      const example = await scoreOf(exampleFiles(name), `examples/${name}`);
      assert.ok(
        empty.overall < example.overall,
        `${name} (${example.overall}) scores above the empty organisation`,
      );
    }
  });

  it("gives a roster without roles or RACI at most 50", async () => {
    const people = Array.from({ length: 16 }, (_, i) => `  - { id: p${i}, name: Person ${i} }`).join("\n");
    const roster = await scoreOf(
      { "m.yaml": `organisation: { name: R, stage: scaling, mlProducts: 1 }\npeople:\n${people}\n` },
      "m.yaml",
    );
    assert.ok(roster.overall <= 50, `roster scores ${roster.overall}`);
  });

  it("scores the Meghan story below a well-run team", async () => {
    const meghan = await scoreOf(exampleFiles("meghan-story"), "examples/meghan-story");
    const wellRun = await scoreOf(exampleFiles("startup-full-stack"), "examples/startup-full-stack");
    assert.ok(meghan.overall < wellRun.overall, `${meghan.overall} < ${wellRun.overall}`);
  });

  for (const section of ["raci", "people", "stakeholders"] as const) {
    it(`never rises when the ${section} section is deleted (every example)`, async () => {
      for (const name of EXAMPLES) {
        const files = exampleFiles(name);
        const before = await scoreOf(files, `examples/${name}`);
        const after = await scoreOf(without(files, section), `examples/${name}`);
        assert.ok(
          after.overall <= before.overall,
          `${name} without ${section}: ${before.overall} → ${after.overall}`,
        );
      }
    });
  }

  it("never falls when a person who covers an uncovered activity joins (every example, several roles)", async () => {
    let tried = 0;
    for (const name of EXAMPLES) {
      const files = exampleFiles(name);
      const entry = `examples/${name}`;
      const main = `${entry}/mlteam.yaml`;
      const { graph } = await checkTeam(entry, { host: memoryHost(files), today: TODAY, evidence: "never" });
      // An activity with no row yet, handed to a role nobody holds: it is uncovered.
      const free = [...graph.activities.values()].filter((a) => !graph.raciByActivity.has(a.id));
      const unheld = [...graph.roles.values()].filter((r) => !graph.holders.has(r.id)).slice(0, 4);
      for (const [i, role] of unheld.entries()) {
        const activity = free[i % free.length];
        if (!activity) continue;
        const doc = parse(files[main] as string) as { people?: unknown[]; raci?: unknown[] };
        doc.raci = [...(doc.raci ?? []), { activity: activity.id, R: role.id, A: role.id }];
        const uncovered = { ...files, [main]: stringify(doc) };
        const before = await scoreOf(uncovered, entry);
        doc.people = [
          ...(doc.people ?? []),
          { id: "newcomer", name: "New Comer", roles: [role.id], skills: role.competencies },
        ];
        const after = await scoreOf({ ...files, [main]: stringify(doc) }, entry);
        assert.ok(
          after.overall >= before.overall,
          `${name}, ${activity.id} by a new ${role.id}: ${before.overall} → ${after.overall}`,
        );
        tried++;
      }
    }
    assert.ok(tried >= 12, `tried ${tried}`);
  });
});

describe("the coverage figure", () => {
  it("counts what the rules assess and the model records", () => {
    const s = scoreTeam({
      findings: [],
      rules: RULES,
      coverage: assessCoverage(checkText("people: [{ id: a, name: A, roles: [data-scientist] }]\n").graph),
    });
    assert.ok(s.coverage.overall < 100);
    assert.ok(s.coverage.missing.some((m) => /the model has no RACI/.test(m)));
    assert.ok(s.coverage.missing.some((m) => /no skills recorded/.test(m)));
  });
});

describe("docs/score.md", () => {
  it("quotes the scores the examples really get", async () => {
    const doc = readFileSync(join(ROOT, "docs", "score.md"), "utf8");
    const meghan = await scoreOf(exampleFiles("meghan-story"), "examples/meghan-story");
    const wellRun = await scoreOf(exampleFiles("startup-full-stack"), "examples/startup-full-stack");
    const first = await scoreOf(exampleFiles("first-use-case"), "examples/first-use-case");
    const empty = await scoreOf(
      { "m.yaml": "organisation: { name: E, stage: mature, mlProducts: 3 }\n" },
      "m.yaml",
    );
    assert.ok(
      doc.includes(`Health ${meghan.overall}/100 (coverage ${meghan.coverage.overall} %)`),
      "the Meghan line",
    );
    assert.ok(doc.includes(`**${meghan.overall}/100**, below`), "the Meghan example");
    assert.ok(doc.includes(`(**${wellRun.overall}/100**)`), "the well-run team");
    assert.ok(doc.includes(`= **${first.overall}**.`), "the first use case");
    assert.ok(
      doc.includes(`**${empty.overall}/100, coverage ${empty.coverage.overall} %**`),
      "the empty organisation",
    );
  });
});
