// The layer rules, read from the table in docs/architecture.md (between <!-- layers --> and <!-- /layers -->),
// so the documented layers and the checked ones cannot disagree: each folder may import, at run time, only
// itself, the folders its row names and the root files of src/ (version.ts, package-root.ts). Type-only
// imports are free (they vanish at run time). No import cycles in src/ or web/src. `npm run layers`.
const { readFileSync } = require("node:fs");
const { join } = require("node:path");

/** The table's rows: folder → the folders it may import ("—" for none). */
function layerTable() {
  const doc = readFileSync(join(__dirname, "docs", "architecture.md"), "utf8");
  const block = /<!-- layers[^>]*-->\n([\s\S]*?)<!-- \/layers -->/.exec(doc);
  if (!block) throw new Error("docs/architecture.md: no <!-- layers --> table");
  const layers = new Map();
  for (const line of block[1].split("\n").slice(2)) {
    if (!line.trim()) continue;
    const cells = line.split(" | ");
    const folder = /`([^`]+)\/`/.exec(cells[0])?.[1];
    const may = cells
      .at(-1)
      .replace(/\s*\|\s*$/, "")
      .trim();
    if (!folder) throw new Error(`docs/architecture.md: a layer row without a folder: ${line}`);
    const allowed = may.startsWith("—") ? [] : may.split(",").map((name) => name.trim());
    layers.set(
      folder,
      allowed.map((name) => (name.includes("/") ? name : `src/${name}`)),
    );
  }
  return layers;
}

const escapeRegExp = (path) => path.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const layers = layerTable();
const forbidden = [...layers].map(([folder, allowed]) => ({
  name: `layer:${folder}`,
  comment: `${folder}/ may import at run time: ${allowed.join(", ") || "nothing outside itself"} (docs/architecture.md)`,
  severity: "error",
  from: { path: `^${escapeRegExp(folder)}/` },
  to: {
    path: "^(src|web/src)/",
    pathNot: [`^(${[folder, ...allowed].map(escapeRegExp).join("|")})/`, "^src/(version|package-root)\\.ts$"],
    dependencyTypesNot: ["type-only"],
  },
}));
forbidden.push({
  name: "no-cycle",
  comment: "no import cycles in src/ or web/src (type-only imports aside)",
  severity: "error",
  from: { path: "^(src|web/src)/" },
  to: { circular: true, viaOnly: { dependencyTypesNot: ["type-only"] } },
});
module.exports = {
  forbidden,
  options: {
    tsConfig: { fileName: "tsconfig.json" },
    tsPreCompilationDeps: true,
    doNotFollow: { path: "node_modules" },
    exclude: { path: "node_modules" },
  },
};
// For test/layers.test.ts: the folders the table covers (not enumerable: the configuration schema has no such field).
Object.defineProperty(module.exports, "layerFolders", { value: [...layers.keys()], enumerable: false });
