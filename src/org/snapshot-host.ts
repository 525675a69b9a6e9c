/**
 * A model host over a snapshot's files: the team's model as it was at the synced commit, readable
 * by any server of the organisation without the repository. Read-only: a synced model changes in
 * git, never here.
 */
import { posix } from "node:path";
import type { WritableHost } from "../io/fs-host.ts";
import { memoryHost } from "../model/memory-host.ts";

export class ReadOnlyModelError extends Error {
  override name = "ReadOnlyModelError";
}

export function snapshotHost(files: Readonly<Record<string, string>>): WritableHost {
  const inner = memoryHost(files);
  const normal = (p: string) => posix.normalize(p).replace(/^\.\//, "").replace(/\/$/, "") || ".";
  return {
    readFile: (path) => inner.readFile(normal(path)),
    exists: (path) => inner.exists?.(normal(path)) ?? false,
    listYamlFiles: (path) => inner.listYamlFiles(normal(path)),
    writeFile(path) {
      throw new ReadOnlyModelError(`${path} is a synced model's file: change it in git`);
    },
  };
}
