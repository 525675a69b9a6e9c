import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { RULES } from "../src/analysis/rules/index.ts";
import { checkText } from "./helpers.ts";

const ROOT = join(import.meta.dirname, "..");

describe("the rule set", () => {
  it("has unique ids of the form <area>/<name>, matching the rule's file", () => {
    const ids = RULES.map((r) => r.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const rule of RULES) {
      assert.match(rule.id, /^[a-z]+\/[a-z0-9-]+$/);
      assert.equal(rule.id.split("/")[0], rule.meta.area, rule.id);
      assert.ok(
        existsSync(join(ROOT, "src", "analysis", "rules", `${rule.id}.ts`)),
        `src/analysis/rules/${rule.id}.ts`,
      );
    }
  });

  it("gives every rule a test file with valid and invalid cases", () => {
    for (const rule of RULES) {
      const file = join(ROOT, "test", "rules", `${rule.id}.test.ts`);
      assert.ok(existsSync(file), `test/rules/${rule.id}.test.ts`);
      const text = readFileSync(file, "utf8");
      assert.match(text, /valid: \[/, `${rule.id} has valid cases`);
      assert.match(text, /invalid: \[/, `${rule.id} has invalid cases`);
    }
  });

  it("gives every rule complete metadata and a doc page", () => {
    for (const rule of RULES) {
      for (const field of ["description", "rationale", "source", "fix"] as const) {
        assert.ok(rule.meta[field].length > (field === "source" ? 3 : 10), `${rule.id}.meta.${field}`);
      }
      assert.match(rule.meta.source, /^00[0-3]/, `${rule.id} cites a source document`);
      assert.ok(existsSync(join(ROOT, "docs", "rules", `${rule.id}.md`)), `docs/rules/${rule.id}.md`);
    }
  });

  it("reports the example shown in each rule's documentation", () => {
    for (const rule of RULES) {
      if (rule.meta.needs?.includes("evidence")) continue; // tested with evidence in its own table
      assert.ok(rule.meta.example, `${rule.id} has an example`);
      const result = checkText(rule.meta.example, [rule]);
      assert.deepEqual(result.diagnostics, [], `${rule.id}'s example is a valid model`);
      assert.ok((result.doctor?.findings.length ?? 0) > 0, `${rule.id}'s example is reported`);
    }
  });
});
