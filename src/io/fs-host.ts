/** The model loader's view of the real file system. */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { posix } from "node:path";
import type { ModelHost } from "../model/load.ts";

export const fsHost: ModelHost = {
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
};
