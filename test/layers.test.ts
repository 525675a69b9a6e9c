/** The layer table of docs/architecture.md is what dependency-cruiser checks (`npm run layers`): it covers every folder. */
import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { describe, it } from "node:test";

const root = join(import.meta.dirname, "..");
const config = createRequire(import.meta.url)(join(root, ".dependency-cruiser.cjs")) as {
  forbidden: { name: string; from: { path: string }; to: { pathNot?: string[] } }[];
  layerFolders: string[];
};

describe("the layer rules", () => {
  it("have a row for every folder of src/ and for web/src", () => {
    const folders = readdirSync(join(root, "src"), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => `src/${entry.name}`);
    assert.deepEqual(
      folders.filter((folder) => !config.layerFolders.includes(folder)),
      [],
      "add the folder to the layer table in docs/architecture.md",
    );
    assert.ok(config.layerFolders.includes("web/src"));
  });

  it("are read from the table: the surfaces import only the application, render, io (and the CLI the servers it starts)", () => {
    const allowed = (folder: string) =>
      config.forbidden.find((rule) => rule.name === `layer:${folder}`)?.to.pathNot?.[0] ?? "";
    assert.equal(allowed("src/server"), "^(src/server|src/app|src/render|src/io)/");
    assert.equal(allowed("src/cli"), "^(src/cli|src/app|src/render|src/io|src/server)/");
    assert.equal(allowed("src/analysis"), "^(src/analysis|src/model|src/catalog|src/graph)/");
    assert.equal(allowed("web/src"), "^(web/src)/");
    assert.ok(config.forbidden.some((rule) => rule.name === "no-cycle"));
  });
});
