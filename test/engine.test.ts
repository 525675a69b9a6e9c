import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { RULES } from "../src/analysis/rules/index.ts";
import { checkText } from "./helpers.ts";

const OVER = `people:
  - id: m
    name: Meghan
    roles:
      - { role: mlops-engineer, allocation: 90 }
      - { role: data-engineer, allocation: 40 }
`;

describe("the rule engine", () => {
  it("applies the default severity, a severity set in the model, and off", () => {
    const severity = (settings: string) =>
      checkText(`${OVER}${settings}`, RULES).doctor?.findings.find(
        (f) => f.ruleId === "staffing/over-allocation",
      )?.severity;
    assert.equal(severity(""), "warn");
    assert.equal(severity("rules:\n  staffing/over-allocation: error\n"), "error");
    assert.equal(severity("rules:\n  staffing/over-allocation: { severity: info }\n"), "info");
    assert.equal(severity("rules:\n  staffing/over-allocation: off\n"), undefined);
  });

  it("hides suppressed findings, counts them, and reports suppressions that match nothing", () => {
    const result = checkText(
      `${OVER}suppress:
  - { rule: staffing/over-allocation, subject: m, reason: covering a leave until March }
  - { rule: raci/single-accountable, reason: stale }
`,
      RULES,
    );
    assert.equal(
      result.doctor?.findings.some((f) => f.ruleId === "staffing/over-allocation"),
      false,
    );
    assert.equal(result.doctor?.suppressed, 1);
    assert.deepEqual(
      result.diagnostics.map((d) => `${d.line}:${d.column} ${d.severity} ${d.code} ${d.message}`),
      ["9:5 warning unused-suppression suppression of raci/single-accountable matches no finding; remove it"],
    );
  });

  it("stops applying a suppression on its expiry date, and says so", () => {
    const yaml = (expires: string) =>
      `${OVER}suppress:\n  - { rule: staffing/over-allocation, subject: m, reason: leave cover, expires: ${expires} }\n`;
    const active = checkText(yaml("2026-11-23"), RULES);
    assert.equal(active.doctor?.suppressed, 1);
    assert.deepEqual(active.diagnostics, []);
    const expired = checkText(yaml("2026-11-22"), RULES);
    assert.equal(expired.doctor?.suppressed, 0);
    assert.ok(expired.doctor?.findings.some((f) => f.ruleId === "staffing/over-allocation"));
    assert.deepEqual(
      expired.diagnostics.map((d) => `${d.line}:${d.column} ${d.code} ${d.message}`),
      [
        '8:81 unused-suppression suppression of staffing/over-allocation for "m" expired on 2026-11-22; its findings are reported again',
      ],
    );
  });

  it("rejects settings for unknown rules and options, with a suggestion", () => {
    const result = checkText(
      `${OVER}rules:
  staffing/over-alocation: off
  staffing/minimum-team: { options: { leadLevl: 2 } }
  raci/role-unstaffed: { options: { x: 1 } }
  staffing/over-allocation: { options: { max: "lots" } }
`,
      RULES,
    );
    assert.equal(result.doctor, undefined, "no findings on invalid settings");
    assert.deepEqual(
      result.diagnostics.map((d) => `${d.line}:${d.column} ${d.code} ${d.message}`),
      [
        '8:3 unknown-rule rules.staffing/over-alocation: unknown rule "staffing/over-alocation" — did you mean "staffing/over-allocation"?',
        '9:39 rule-option rules.staffing/minimum-team.options.leadLevl: rule staffing/minimum-team has no option "leadLevl" — did you mean "leadLevel"?',
        '10:37 rule-option rules.raci/role-unstaffed.options.x: rule raci/role-unstaffed has no option "x" (it has no options)',
        '11:42 rule-option rules.staffing/over-allocation.options.max: option max of staffing/over-allocation expects a number, got "lots"',
      ],
    );
  });

  it("is deterministic", () => {
    const yaml = `${OVER}raci:\n  - { activity: ci-cd-pipeline, A: [mlops-engineer, data-engineer], C: [platform-engineer] }\n`;
    const a = JSON.stringify(checkText(yaml, RULES).doctor);
    const b = JSON.stringify(checkText(yaml, RULES).doctor);
    assert.equal(a, b);
  });

  it("applies a setting or suppression that names a merged rule's old id to the new rule, and says so", () => {
    const yaml =
      "people:\n  - { id: meghan, name: Meghan, roles: [mlops-engineer] }\nraci:\n  - { activity: ci-cd-pipeline, R: meghan, A: meghan }\n  - { activity: data-pipeline, R: data-engineer, A: meghan }\nrules:\n  raci/uncovered: info\nsuppress:\n  - { rule: risk/no-backup, subject: meghan, reason: a second MLOps engineer starts in January }\n";
    const result = checkText(yaml, RULES);
    assert.deepEqual(
      result.diagnostics.map((d) => `${d.severity} ${d.code} ${d.message}`),
      [
        "warning renamed-rule rules.raci/uncovered: rule raci/uncovered is now part of risk/single-point-of-failure; the setting applies to it (rename it)",
      ],
    );
    const spof = result.doctor?.findings.filter((f) => f.ruleId === "risk/single-point-of-failure") ?? [];
    assert.deepEqual(
      spof.map((f) => [f.severity, f.subject]),
      [["info", "data-pipeline"]],
      "the old id's severity applies, and the old id's suppression hides Meghan's finding",
    );
    assert.equal(result.doctor?.suppressed, 1);
  });
});
