import assert from "node:assert/strict";
import { test } from "node:test";
import { committerDate } from "../src/history/tree-host.ts";

test("a commit object's committer date, as git show --format=%cI writes it", () => {
  const commit = (line: string) =>
    `tree 4b825dc642cb6eb9a060e54bf8d69288fbee4904\nauthor A <a@x> 1 +0000\n${line}\n\nmessage\n`;
  assert.equal(committerDate(commit("committer L <l@x> 1767398403 +0000")), "2026-01-03T00:00:03+00:00");
  assert.equal(committerDate(commit("committer L <l@x> 1767398403 +0530")), "2026-01-03T05:30:03+05:30");
  assert.equal(committerDate(commit("committer L <l@x> 1767398403 -0700")), "2026-01-02T17:00:03-07:00");
  assert.equal(committerDate("no committer line"), undefined);
});
