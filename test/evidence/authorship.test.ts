import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  authorsOf,
  doa,
  type FileState,
  HistoryAccumulator,
  monthIndexOf,
  truckFactor,
} from "../../src/evidence/authorship.ts";
import type { Change, Commit } from "../../src/evidence/log-parser.ts";

const commit = (time: number, changes: Change[]): Commit => ({
  hash: String(time),
  parents: [],
  authorName: "",
  authorEmail: "",
  time,
  coAuthors: [],
  reviewers: [],
  changes,
});

const file = (devs: Record<string, [fa: number, dl: number]>): FileState => ({
  id: 1,
  path: "f",
  atHead: true,
  created: true,
  oldestPath: "f",
  devs: new Map(Object.entries(devs).map(([d, [fa, dl]]) => [d, { fa, dl, last: 0, months: [] }])),
});

describe("degree of authorship and truck factor (Avelino et al., ICPC 2016)", () => {
  it("computes DOA by the published formula", () => {
    assert.equal(doa(1, 0, 0), 3.293 + 1.098);
    assert.ok(Math.abs(doa(0, 10, 3) - (3.293 + 1.64 - 0.321 * Math.log(4))) < 1e-12);
  });

  it("names authors by the normalised threshold 0.75 and the absolute 3.293", () => {
    // Ann created the file and changed it 4 times; Bob changed it twice; Cy once.
    // DOA: Ann 3.293+1.098+0.656-0.321·ln4 = 4.602; Bob 3.293+0.328-0.321·ln6 = 3.046; Cy 3.293+0.164-0.321·ln7 = 2.832.
    assert.deepEqual(
      authorsOf(file({ ann: [1, 4], bob: [0, 2], cy: [0, 1] })).map((a) => a.dev),
      ["ann"],
    );
    // Two equal contributors: both authors.
    assert.deepEqual(
      authorsOf(file({ ann: [1, 5], bob: [0, 11] }))
        .map((a) => a.dev)
        .sort(),
      ["ann", "bob"],
    );
  });

  it("removes the author of most files until more than half are orphaned", () => {
    // ann authors 3 files, bob 2 (one shared with ann), cy 1.
    const tf = truckFactor([["ann"], ["ann"], ["ann", "bob"], ["bob"], ["cy"]]);
    // Remove ann: orphaned {f1, f2} = 2 of 5 (not > 2.5); remove bob: orphaned 4 > 2.5 → TF 2.
    assert.deepEqual(tf, { value: 2, removed: ["ann", "bob"], files: 5 });
    assert.equal(truckFactor([["solo"], ["solo"], []]).value, 1);
    assert.equal(truckFactor([]).value, 0);
  });

  it("follows renames back in time and starts a new file before an add", () => {
    const h = new HistoryAccumulator();
    // Newest first: rename b→c (bob), modify b (ann), add b (ann); then an older, deleted b (cy).
    h.add(commit(40, [{ status: "R", from: "b", path: "c" }]), "bob");
    h.add(commit(30, [{ status: "M", path: "b" }]), "ann");
    h.add(commit(20, [{ status: "A", path: "b" }]), "ann");
    h.add(commit(15, [{ status: "D", path: "b" }]), "cy");
    h.add(commit(10, [{ status: "A", path: "b" }]), "cy");
    h.finish(new Set(["c"]));
    const files = [...h.files.values()];
    assert.equal(files.length, 2);
    const [c, old] = files as [FileState, FileState];
    assert.deepEqual([c.path, c.atHead, c.created, c.oldestPath], ["c", true, true, "b"]);
    assert.deepEqual(Object.fromEntries([...c.devs].map(([d, s]) => [d, [s.fa, s.dl]])), {
      bob: [0, 1],
      ann: [1, 1],
    });
    assert.deepEqual([old.path, old.atHead, old.created], ["b", false, true]);
    assert.deepEqual([...old.devs.keys()], ["cy"]);
  });

  it("finds a time's month by arithmetic, as Date does, from 1900 to 2200 and at month edges", () => {
    const viaDate = (seconds: number) => {
      const date = new Date(seconds * 1000);
      return date.getUTCFullYear() * 12 + date.getUTCMonth();
    };
    // Every month's first and last second, and a spread of times in between (leap years, 1900, 2000, 2100).
    for (let year = 1900; year <= 2200; year++)
      for (let month = 0; month < 12; month++) {
        const start = Date.UTC(year, month, 1) / 1000;
        const next = Date.UTC(year, month + 1, 1) / 1000;
        for (const t of [start, start + 1, next - 1, Math.floor((start + next) / 2)])
          assert.equal(monthIndexOf(t), viaDate(t), new Date(t * 1000).toISOString());
      }
    for (let t = -2_000_000_000; t < 4_000_000_000; t += 7_777_777) assert.equal(monthIndexOf(t), viaDate(t));
  });
});
