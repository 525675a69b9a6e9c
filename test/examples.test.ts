import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { checkModel } from "../src/analysis/check-model.ts";
import { fsHost } from "../src/io/fs-host.ts";

/** What the doctor finds in each bundled example: rule id → count. The README lists the same. */
const EXPECTED: Record<string, Record<string, number>> = {
  "first-use-case": {},
  "startup-full-stack": {},
  "central-platform": { "raci/accountable-one-person": 3 },
  "embedded-platform": {},
  "azure-accelerator": { "staffing/minimum-team": 1 },
  "meghan-story": {
    "raci/accountable-one-person": 1,
    "raci/one-letter-per-role": 1,
    "raci/responsible-present": 1,
    "raci/role-unstaffed": 1,
    "raci/single-accountable": 1,
    "staffing/minimum-team": 1,
    "staffing/over-allocation": 1,
  },
};

describe("the bundled examples", () => {
  it("are all covered here", () => {
    assert.deepEqual(readdirSync("examples").sort(), Object.keys(EXPECTED).sort());
  });

  for (const [name, expected] of Object.entries(EXPECTED)) {
    it(`${name}: valid, with the expected findings`, () => {
      const result = checkModel(`examples/${name}`, fsHost);
      assert.deepEqual(result.diagnostics, []);
      const counts: Record<string, number> = {};
      for (const f of result.doctor?.findings ?? []) counts[f.ruleId] = (counts[f.ruleId] ?? 0) + 1;
      assert.deepEqual(counts, expected);
    });
  }

  it("are listed in the README with their expected findings", () => {
    const readme = readFileSync(join(import.meta.dirname, "..", "README.md"), "utf8");
    for (const [name, expected] of Object.entries(EXPECTED)) {
      const line = readme.split("\n").find((l) => l.startsWith(`| [${name}](examples/${name}/`));
      assert.ok(line, `README lists ${name}`);
      const ids = Object.keys(expected);
      if (ids.length === 0) assert.match(line, /none/, `${name} is listed as clean`);
      for (const id of ids) assert.ok(line.includes(id), `README lists ${id} for ${name}`);
    }
  });
});
