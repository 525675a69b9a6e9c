/**
 * The folder mlteam is installed in (the one with its package.json), found from this module's own
 * location: the same answer from src/ (tests), dist/ (as tsc writes it) and the bundled CLI's chunks.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

let root: string | undefined;

export function packageRoot(): string {
  if (root !== undefined) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, "package.json");
    if (existsSync(manifest) && /"name":\s*"mlteam"/.test(readFileSync(manifest, "utf8"))) {
      root = dir;
      return dir;
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error("mlteam's package.json was not found above its modules");
    dir = parent;
  }
}
