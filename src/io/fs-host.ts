/** The model loader's view of the real file system, and where model files are written back. */
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from "node:fs";
import { dirname, posix, resolve } from "node:path";
import type { ModelHost } from "../model/load.ts";
import { writeFileAtomic } from "./write-atomic.ts";

export interface WritableHost extends ModelHost {
  /** Replaces the file's text atomically (following a symbolic link, keeping the file's mode). */
  writeFile(path: string, text: string): void;
}

export const fsHost: WritableHost = {
  readFile(path) {
    try {
      return readFileSync(path, "utf8");
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "ENOENT" || code === "EISDIR" || code === "ENOTDIR") return undefined;
      throw new Error(`cannot read ${path}: ${code ?? String(error)}`);
    }
  },
  exists: (path) => existsSync(path),
  listYamlFiles(path) {
    try {
      if (!statSync(path).isDirectory()) return undefined;
      return readdirSync(path)
        .filter((name) => /\.ya?ml$/i.test(name))
        .sort()
        .map((name) => posix.join(path, name));
    } catch {
      return undefined;
    }
  },
  inspect(path) {
    try {
      const realPath = realpathSync(path);
      const stat = statSync(realPath);
      return { realPath, kind: stat.isFile() ? "file" : stat.isDirectory() ? "directory" : "other" };
    } catch {
      return undefined;
    }
  },
  workTreeOf(dir) {
    // A folder holding `.git` (a directory, or a file in a worktree or submodule) is a work tree's root.
    for (let at = resolve(dir); ; at = dirname(at)) {
      if (existsSync(posix.join(at, ".git"))) return at;
      if (dirname(at) === at) return undefined;
    }
  },
  writeFile: (path, text) => writeFileAtomic(path, text),
};
