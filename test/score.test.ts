import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import type { Finding, Severity } from "../src/analysis/rule.ts";
import { RULE_CAP, SCORE_AREAS, SEVERITY_COST, scoreFindings } from "../src/analysis/score.ts";

const finding = (ruleId: string, severity: Severity): Finding => ({
  ruleId,
  area: ruleId.split("/")[0] as string,
  severity,
  message: "m",
  location: { file: "m.yaml", line: 1, column: 1 },
  fix: "f",
});

const arbitraryFinding = fc
  .tuple(
    fc.constantFrom(...SCORE_AREAS),
    fc.constantFrom("a", "b", "c"),
    fc.constantFrom<Severity>("error", "warn", "info"),
  )
  .map(([area, name, severity]) => finding(`${area}/${name}`, severity));

describe("the health score", () => {
  it("is 100 everywhere without findings", () => {
    const score = scoreFindings([]);
    assert.equal(score.overall, 100);
    assert.deepEqual(Object.keys(score.areas), [...SCORE_AREAS]);
    assert.ok(Object.values(score.areas).every((v) => v === 100));
  });

  it("costs each finding by severity, caps each rule and averages the areas", () => {
    const score = scoreFindings([
      finding("risk/a", "error"),
      finding("risk/a", "error"),
      finding("risk/a", "error"),
      finding("risk/b", "warn"),
      finding("raci/a", "info"),
    ]);
    assert.equal(score.areas.risk, 100 - RULE_CAP - SEVERITY_COST.warn);
    assert.equal(score.areas.raci, 100 - SEVERITY_COST.info);
    assert.equal(score.overall, Math.round((score.areas.risk + score.areas.raci + 600) / 8));
    assert.deepEqual(score.costs[0], {
      ruleId: "risk/a",
      area: "risk",
      findings: 3,
      raw: 45,
      cost: RULE_CAP,
    });
  });

  it("never rises when a finding is added, and never leaves 0–100 (property)", () => {
    fc.assert(
      fc.property(fc.array(arbitraryFinding, { maxLength: 40 }), arbitraryFinding, (findings, extra) => {
        const before = scoreFindings(findings);
        const after = scoreFindings([...findings, extra]);
        assert.ok(after.overall <= before.overall);
        for (const area of SCORE_AREAS) assert.ok((after.areas[area] ?? 0) <= (before.areas[area] ?? 0));
        assert.ok(after.overall >= 0 && after.overall <= 100);
      }),
    );
  });

  it("depends only on the findings, not their order (property)", () => {
    fc.assert(
      fc.property(fc.array(arbitraryFinding, { maxLength: 30 }), (findings) => {
        assert.deepEqual(scoreFindings(findings), scoreFindings([...findings].reverse()));
      }),
    );
  });
});
