/** Test helpers: in-memory model files, and a table-driven rule tester. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { type CheckResult, checkModel } from "../src/analysis/check-model.ts";
import type { Rule, Severity } from "../src/analysis/rule.ts";
import type { EvidenceReport } from "../src/evidence/measures.ts";
import { memoryHost } from "../src/model/memory-host.ts";

export { memoryHost } from "../src/model/memory-host.ts";

const BASE_ORGANISATION = "organisation: { name: Test Org, stage: starting }\n";

/** The date every test runs on. */
export const TODAY = "2026-11-22";

/** Checks one in-memory model file; an organisation is appended when the text has none, so line numbers stay those of the text. */
export function checkText(
  yaml: string,
  rules?: readonly Rule[],
  extraFiles: Record<string, string> = {},
  evidence?: EvidenceReport,
): CheckResult {
  const text = /^organisation:/m.test(yaml)
    ? yaml
    : `${yaml}${yaml.endsWith("\n") ? "" : "\n"}${BASE_ORGANISATION}`;
  return checkModel("mlteam.yaml", memoryHost({ "mlteam.yaml": text, ...extraFiles }), {
    today: TODAY,
    ...(rules ? { rules } : {}),
    ...(evidence ? { evidence } : {}),
  });
}

export interface ExpectedFinding {
  message?: RegExp;
  line: number;
  column: number;
  severity?: Severity;
  subject?: string;
}

export interface RuleCases {
  valid: { name: string; yaml: string; files?: Record<string, string>; evidence?: EvidenceReport }[];
  invalid: {
    name: string;
    yaml: string;
    files?: Record<string, string>;
    evidence?: EvidenceReport;
    findings: ExpectedFinding[];
  }[];
}

/**
 * Runs `rule` alone on each case: valid cases must give no finding; invalid cases exactly the
 * findings listed, with the rule id, location and (when given) message, severity and subject.
 */
export function testRule(rule: Rule, cases: RuleCases): void {
  describe(rule.id, () => {
    for (const c of cases.valid) {
      it(`valid: ${c.name}`, () => {
        const result = checkText(c.yaml, [rule], c.files, c.evidence);
        assert.deepEqual(result.diagnostics, [], "the case itself must be a valid model");
        assert.deepEqual(result.doctor?.findings, []);
      });
    }
    for (const c of cases.invalid) {
      it(`invalid: ${c.name}`, () => {
        const result = checkText(c.yaml, [rule], c.files, c.evidence);
        assert.deepEqual(result.diagnostics, [], "the case itself must be a valid model");
        const findings = result.doctor?.findings ?? [];
        assert.equal(findings.length, c.findings.length, JSON.stringify(findings, null, 1));
        c.findings.forEach((expected, i) => {
          const actual = findings[i];
          assert.ok(actual);
          assert.equal(actual.ruleId, rule.id);
          assert.deepEqual(
            { line: actual.location.line, column: actual.location.column },
            { line: expected.line, column: expected.column },
            actual.message,
          );
          if (expected.message) assert.match(actual.message, expected.message);
          assert.equal(actual.severity, expected.severity ?? rule.meta.severity);
          if (expected.subject) assert.equal(actual.subject, expected.subject);
        });
      });
    }
  });
}
