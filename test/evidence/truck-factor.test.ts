/**
 * The truck factor's greedy removal, computed once from each author's coverage, against the
 * algorithm as the paper states it (recount the remaining authors' files after every removal), on
 * random authorship: the same value and the same authors, in the same order.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { truckFactor } from "../../src/evidence/authorship.ts";

function asStated(authorsByFile: readonly (readonly string[])[]): { value: number; removed: string[] } {
  const remaining = authorsByFile.map((a) => new Set(a));
  const removed: string[] = [];
  const orphaned = () => remaining.filter((a) => a.size === 0).length;
  while (remaining.length > 0 && orphaned() <= remaining.length / 2) {
    const coverage = new Map<string, number>();
    for (const authors of remaining) for (const a of authors) coverage.set(a, (coverage.get(a) ?? 0) + 1);
    const top = [...coverage].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
    if (!top) break;
    removed.push(top[0]);
    for (const authors of remaining) authors.delete(top[0]);
  }
  return { value: removed.length, removed };
}

test("truck factor: equal to the algorithm as stated, on random authorship", () => {
  const author = fc.constantFrom("ann", "bob", "cy", "dee", "eve", "fay", "gus");
  fc.assert(
    fc.property(fc.array(fc.array(author, { maxLength: 4 }), { maxLength: 40 }), (files) => {
      const fast = truckFactor(files);
      const slow = asStated(files);
      assert.equal(fast.value, slow.value);
      assert.deepEqual(fast.removed, slow.removed);
      assert.equal(fast.files, files.length);
    }),
    { numRuns: 500 },
  );
});

test("truck factor: a hand-computed case — two authors hold more than half of the files", () => {
  const tf = truckFactor([["ann"], ["ann"], ["ann", "bob"], ["bob"], ["cy"], []]);
  // ann covers 3, bob 2, cy 1; removing ann orphans 2 of 6 (with the empty one: 3, not > 3);
  // removing bob orphans 2 more: 5 of 6.
  assert.deepEqual(tf, { value: 2, removed: ["ann", "bob"], files: 6 });
});
