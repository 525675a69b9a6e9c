/**
 * The doctor's answers on generated models are pinned: the JSON of its findings, diagnostics and
 * score, the absence ranking with its exact top five, and what-ifs (people away, a period, hires),
 * each as a SHA-256 digest taken before the doctor was made faster (issue #28). A change of any
 * finding, message, order or score changes a digest; a faster doctor must leave them all alone.
 * When a change of what the doctor says is meant, the failure prints the new digest to pin.
 */
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { describe, it } from "node:test";
import { generateOrganisation } from "../bench/doctor/generate.ts";
import { generateVariedOrganisation } from "../bench/doctor/generate-varied.ts";
import type { Scenario } from "../src/analysis/whatif.ts";
import { checkTeam, requireValid, type ValidTeamCheck } from "../src/app/check-team.ts";
import { rankTeamAbsences, runWhatIf } from "../src/app/what-if.ts";
import { memoryHost } from "../src/model/memory-host.ts";
import { renderFindingsJson } from "../src/render/reporters.ts";

const TODAY = "2026-12-07";

/**
 * Numbers are rounded to 12 significant digits first: V8 versions differ in the last bit of
 * Math.pow (Node 20 and 24 give a score factor of 0.8521851648849411 and 0.852185164884941), which is
 * no change of what the doctor says.
 */
const rounded = (_key: string, value: unknown) =>
  typeof value === "number" && !Number.isInteger(value) ? Number(value.toPrecision(12)) : value;

const digest = (value: unknown) =>
  createHash("sha256")
    .update(JSON.stringify(typeof value === "string" ? JSON.parse(value) : value, rounded))
    .digest("hex");

async function check(text: string): Promise<ValidTeamCheck> {
  const result = await checkTeam("mlteam.yaml", {
    host: memoryHost({ "mlteam.yaml": text }),
    today: TODAY,
    evidence: "never",
  });
  return requireValid(result);
}

/** The doctor's JSON document, as `mlteam doctor --format json` prints it. */
const doctorJson = (c: ValidTeamCheck) =>
  renderFindingsJson({
    result: c.doctor,
    score: c.score,
    diagnostics: c.diagnostics,
    rules: c.rules,
    title: "",
  });

/** Each scenario's what-if, in order. */
const whatIfs = (c: ValidTeamCheck, scenarios: readonly Scenario[]) =>
  scenarios.map((scenario) => runWhatIf(c, scenario));

interface Case {
  name: string;
  text: () => string;
  /** Scenarios besides the top five of the ranking, each alone. */
  scenarios: Scenario[];
  findings: number;
  doctor: string;
  ranking: string;
  whatIfs: string;
}

const CASES: Case[] = [
  {
    name: "bench model, 1,000 people",
    text: () => generateOrganisation(1_000),
    scenarios: [{ without: ["p0"] }, { without: ["p8", "p9", "p10"] }, { add: ["tech-lead@t1"] }],
    findings: 271,
    doctor: "593f15c1a910284e8207ed0ba0a9179f258e421720518f813238a75ce62d6c5c",
    ranking: "4e21908ed86f8a6c075a078bef63f522726dd1d75d33af68ad9617122fa4920f",
    whatIfs: "7f9e1826778b5a7518843263cb0696582068c61b81f7a88c4f7dabb8433a506f",
  },
  {
    name: "varied model, 300 people",
    text: () => generateVariedOrganisation(300, 7),
    scenarios: [
      { without: ["v0"] },
      { without: ["q0"] },
      { without: ["v1", "v2", "v3", "v40"] },
      { from: "2026-12-10", to: "2027-01-10" },
      { without: ["v7"], from: "2027-01-01", to: "2027-01-31" },
      { add: ["qa-engineer", "tech-lead@t2"] },
    ],
    findings: 1024,
    doctor: "3f092f9d2d1b7ed41adb524696cfd09e280e65464d6912c14572a15cad681b5e",
    ranking: "673faf8ff7662984be6082282d3a366b09d494f03cd2e8d010aa25ad03379b4e",
    whatIfs: "c8e0acc6df6f85626324e9cd1ba02b7bd5cf18cfe90d16edd4806310b3a79971",
  },
];

describe("the doctor's answers on generated models stay the same", () => {
  for (const c of CASES) {
    describe(c.name, async () => {
      const checked = await check(c.text());
      it("findings, diagnostics and score (doctor --format json)", () => {
        assert.equal(checked.findings.length, c.findings);
        const actual = digest(doctorJson(checked));
        assert.equal(actual, c.doctor, `the doctor's JSON changed: new digest ${actual}`);
      });
      it("the absence ranking with the exact score change of its top five", () => {
        const actual = digest(rankTeamAbsences(checked));
        assert.equal(actual, c.ranking, `the ranking changed: new digest ${actual}`);
      });
      it("what-ifs: the top five away one at a time, and the scenarios", () => {
        const top = rankTeamAbsences(checked, 5).ranking.map((r) => ({ without: [r.person] }));
        const actual = digest(whatIfs(checked, [...top, ...c.scenarios]));
        assert.equal(actual, c.whatIfs, `the what-ifs changed: new digest ${actual}`);
      });
    });
  }
});
