/**
 * Bundles the command line into dist/cli/main.js (and the chunks its commands load on demand), over
 * what `tsc` wrote there: node then reads a few files at start-up instead of hundreds (Kysely alone
 * is about 400 modules), which is most of a short command's time. The library entry (dist/index.js)
 * and the type declarations stay as tsc wrote them. Native modules stay outside the bundle.
 *
 *   node scripts/bundle-cli.mjs        (run by `npm run build`)
 */
import { readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { build } from "esbuild";

const ROOT = join(import.meta.dirname, "..");
const OUT = join(ROOT, "dist", "cli");

// Chunks of an earlier build would linger beside the new ones.
for (const file of readdirSync(OUT, { withFileTypes: true }))
  if (file.isFile() && /^chunk-.*\.js$/.test(file.name)) rmSync(join(OUT, file.name));

await build({
  // The organisation server's sync worker is a file of its own, started as a thread beside the chunks.
  entryPoints: [join(ROOT, "src", "cli", "main.ts"), join(ROOT, "src", "app", "org-sync-worker.ts")],
  outdir: OUT,
  entryNames: "[name]",
  chunkNames: "chunk-[hash]",
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  // A compiled addon: loaded from node_modules as installed.
  external: ["better-sqlite3"],
  // CommonJS dependencies inside an ES module still call require() for node's own modules.
  banner: {
    js: 'import { createRequire as __mlteamRequire } from "node:module"; const require = __mlteamRequire(import.meta.url);',
  },
  logLevel: "warning",
});
