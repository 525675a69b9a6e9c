/**
 * Long functions stay few and explained: none over 80 lines in src/ and web/src but those listed here,
 * each with the reason it is one piece (at most 10). `node --import tsx scripts/long-functions.ts` lists them.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { describe, it } from "node:test";
import { longFunctions, sourceFiles } from "../scripts/long-functions.ts";

/** file:function → why it stays one piece. */
const ALLOWED: Record<string, string> = {};

describe("long functions", () => {
  it("are at most 10, each listed with its reason", async () => {
    const root = join(import.meta.dirname, "..");
    const found = longFunctions(root, await sourceFiles(root), 80).map((f) => `${f.file}:${f.name}`);
    assert.ok(Object.keys(ALLOWED).length <= 10);
    assert.deepEqual(
      found.filter((key) => !(key in ALLOWED)),
      [],
      "split these along their sections, or list them in ALLOWED with the reason they are one piece",
    );
  });
});
