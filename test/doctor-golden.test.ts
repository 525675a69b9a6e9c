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

const digest = (value: unknown) =>
  createHash("sha256")
    .update(typeof value === "string" ? value : JSON.stringify(value))
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
    doctor: "40b870b757fb616296ca9b8463b8f83afd507914a3a15427ca1b77417af4a2bb",
    ranking: "4e21908ed86f8a6c075a078bef63f522726dd1d75d33af68ad9617122fa4920f",
    whatIfs: "1d8c8250609a153fcf36c1c11cb13f0adbb8a963065fc66addc02d550d0d8a06",
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
    doctor: "d7d9a336f572e56dd9e5a0492419140a9ded01812f17ff9bd37a3edce7e454cc",
    ranking: "673faf8ff7662984be6082282d3a366b09d494f03cd2e8d010aa25ad03379b4e",
    whatIfs: "c4191244f3333711bc1335acecee5f6bbce6a9fef8c0c2128c054d4219a625b2",
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
