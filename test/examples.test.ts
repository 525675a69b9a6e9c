import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { checkModel } from "../src/analysis/check-model.ts";
import { fsHost } from "../src/io/fs-host.ts";
import { TODAY } from "./helpers.ts";

/** What the doctor finds in each bundled example on the tests' date: rule id → count. The README lists the same. */
const EXPECTED: Record<string, Record<string, number>> = {
  "first-use-case": {
    "leadership/evangelist": 1,
    "risk/single-expert": 3,
    "risk/single-point-of-failure": 2,
    "skills/below-role-level": 1,
    "skills/not-assessed": 2,
  },
  "startup-full-stack": {
    "leadership/evangelist": 1,
    "risk/single-expert": 3,
    "risk/single-point-of-failure": 4,
    "skills/not-assessed": 1,
    "staffing/growth-path": 1,
  },
  "central-platform": {
    "governance/stakeholders": 3,
    "knowledge/system-docs": 1,
    "leadership/evangelist": 1,
    "leadership/linking-pins": 1,
    "raci/accountable-one-person": 2,
    "raci/essential-activity-missing": 1,
    "risk/single-expert": 1,
    "risk/single-point-of-failure": 2,
    "skills/below-role-level": 2,
    "skills/not-assessed": 4,
  },
  "embedded-platform": {
    "governance/review-age": 1,
    "knowledge/system-docs": 3,
    "raci/essential-activity-missing": 1,
    "raci/product-consistency": 3,
    "risk/single-point-of-failure": 3,
    "skills/below-role-level": 1,
    "skills/not-assessed": 5,
  },
  "azure-accelerator": {
    "governance/review-age": 2,
    "governance/stakeholders": 2,
    "leadership/evangelist": 1,
    "raci/essential-activity-missing": 1,
    "risk/single-expert": 1,
    "risk/single-point-of-failure": 9,
    "skills/below-role-level": 1,
    "skills/not-assessed": 3,
    "staffing/minimum-team": 1,
    "staffing/required-roles": 1,
    "staffing/team-size": 1,
  },
  "meghan-story": {
    "governance/stakeholders": 4,
    "knowledge/system-docs": 1,
    "leadership/evangelist": 1,
    "leadership/executive-sponsor": 1,
    "leadership/tech-lead": 1,
    "raci/accountable-one-person": 1,
    "raci/essential-activity-missing": 1,
    "raci/one-letter-per-role": 1,
    "raci/responsible-present": 1,
    "raci/role-unstaffed": 1,
    "raci/single-accountable": 1,
    "risk/absence-coverage": 1,
    "risk/single-expert": 2,
    "risk/single-point-of-failure": 1,
    "skills/below-role-level": 2,
    "skills/not-assessed": 1,
    "staffing/conflicting-hats": 1,
    "staffing/over-allocation": 1,
    "staffing/too-many-hats": 1,
  },
};

describe("the bundled examples", () => {
  it("are all covered here", () => {
    assert.deepEqual(readdirSync("examples").sort(), Object.keys(EXPECTED).sort());
  });

  for (const [name, expected] of Object.entries(EXPECTED)) {
    it(`${name}: valid, with the expected findings`, () => {
      const result = checkModel(`examples/${name}`, fsHost, { today: TODAY });
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
