/**
 * The built-in path patterns against files of real ML repositories labelled by hand
 * (test/evidence/fixtures/labelled-paths.csv, how it was drawn and labelled in labelled-paths.md):
 * the sample they were tuned on agrees at 75% or more, and all the samples together do not fall
 * back. `node --import tsx scripts/path-agreement.ts` prints the figures and every difference.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { drawSample, measureAgreement, readLabelled } from "../../scripts/path-agreement.ts";
import { CATALOG } from "../../src/catalog/index.ts";

const rows = readLabelled();

describe("agreement of the built-in patterns with hand-labelled files", () => {
  it("is a sample of 150 files or more from four repositories or more, labelled with catalog activities", () => {
    const first = rows.filter((r) => r.sample === "1");
    assert.ok(first.length >= 150, `${first.length} files`);
    assert.ok(new Set(first.map((r) => r.repo)).size >= 4);
    const activities = new Set([...CATALOG.activities.map((a) => a.id), "none"]);
    assert.deepEqual(
      rows.filter((r) => !activities.has(r.activity) || r.note === "").map((r) => `${r.repo} ${r.path}`),
      [],
      "every label is an activity of the catalog (or none), with its reason",
    );
    const keys = rows.map((r) => `${r.repo}\0${r.path}`);
    assert.equal(new Set(keys).size, keys.length, "no file twice");
  });

  it("agrees on 75% of the sample the patterns were tuned on, and on 72% of all the samples", () => {
    const first = measureAgreement(rows.filter((r) => r.sample === "1"));
    assert.ok(first.agreed / first.total >= 0.75, `sample 1: ${first.agreed}/${first.total}`);
    const all = measureAgreement(rows);
    assert.ok(all.agreed / all.total >= 0.72, `all samples: ${all.agreed}/${all.total}`);
  });

  it("draws a sample again the same, stratified by top folder", () => {
    const paths = [
      ...Array.from({ length: 90 }, (_, i) => `big/f${i}.py`),
      ...Array.from({ length: 9 }, (_, i) => `small/f${i}.md`),
      "README.md",
    ];
    const drawn = drawSample(paths, 20, 27);
    assert.deepEqual(drawSample([...paths].reverse(), 20, 27), drawn);
    assert.equal(drawn.length, 20);
    // Shares follow the square root of each folder's size: 90 → 9.5, 9 → 3, 1 → 1, of 13.5.
    assert.equal(drawn.filter((p) => p.startsWith("big/")).length, 14);
    assert.equal(drawn.filter((p) => p.startsWith("small/")).length, 5);
    assert.ok(drawn.includes("README.md"));
    assert.notDeepEqual(drawSample(paths, 20, 28), drawn);
  });
});
