/**
 * Reads a Backstage `Location` target on disk: a path or glob relative to the file that names
 * it (`./teams/*.yaml`), kept inside the folder of the file the import started from, regular
 * YAML files only.
 */
import { readFileSync, realpathSync, statSync } from "node:fs";
import { dirname, isAbsolute, relative, resolve } from "node:path";
import { globSync } from "tinyglobby";
import type { ReadTarget } from "../importers/backstage.ts";

const MAX_FILES = 10_000;

export function locationReader(entryFile: string): ReadTarget {
  const root = realpathSync(dirname(resolve(entryFile)));
  const inside = (path: string) => {
    const rel = relative(root, path);
    return rel === "" || (!rel.startsWith("..") && !isAbsolute(rel));
  };
  return (target, from) => {
    const base = dirname(resolve(from));
    if (isAbsolute(target)) return "an absolute path; give it relative to the file";
    const pattern = relative(root, resolve(base, target)).split("\\").join("/");
    if (!inside(resolve(root, pattern))) return `outside ${root}, where the import started`;
    const matches = /[*?[{]/.test(target)
      ? globSync(pattern, { cwd: root, absolute: true, onlyFiles: true }).sort()
      : [resolve(root, pattern)];
    const files: { path: string; text: string }[] = [];
    for (const path of matches.slice(0, MAX_FILES)) {
      let real: string;
      try {
        real = realpathSync(path);
      } catch {
        return matches.length === 1 ? "no such file" : `${path}: no such file`;
      }
      if (!inside(real)) return `${path} leads outside ${root}`;
      if (!statSync(real).isFile()) return `${path} is not a regular file`;
      files.push({ path: relative(process.cwd(), real) || real, text: readFileSync(real, "utf8") });
    }
    return files.length > 0 ? files : "no file matches";
  };
}
