/**
 * What the organisation keeps of each source's tree between runs, beside its mirrors
 * (`.mlteam-org/trees/<id>.json`): the head it was read at, the commit's date, every blob's path
 * and id, and the model folder's YAML texts. A later `org doctor`, `org sync` or `org export` whose
 * source has not moved reads its model from here without starting git; a moved head reads the tree
 * again. A cache: a missing, unreadable or foreign file is read again from git, never an error.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { TreeListing } from "../history/tree-host.ts";

interface Kept {
  version: 1;
  repo: string;
  model: string;
  head: string;
  committedAt: string;
  blobs: [string, string][];
  texts: [string, string][];
}

export interface KeptTree {
  committedAt: string;
  listing: TreeListing;
}

const fileOf = (dataDir: string, id: string) => join(dataDir, "trees", `${id}.json`);

/** The tree kept for `id` when it was read at `head` from the same repository and model path. */
export function keptTree(
  dataDir: string,
  id: string,
  at: { repo: string; model: string; head: string },
): KeptTree | undefined {
  let kept: Kept;
  try {
    kept = JSON.parse(readFileSync(fileOf(dataDir, id), "utf8")) as Kept;
  } catch {
    return undefined;
  }
  if (kept.version !== 1 || kept.head !== at.head || kept.repo !== at.repo || kept.model !== at.model)
    return undefined;
  return {
    committedAt: kept.committedAt,
    listing: { blobs: new Map(kept.blobs), texts: new Map(kept.texts) },
  };
}

/** Keeps the tree read for `id` at `head`; a failure to write is ignored (the cache is only a shortcut). */
export function keepTree(
  dataDir: string,
  id: string,
  at: { repo: string; model: string; head: string },
  tree: KeptTree,
): void {
  const kept: Kept = {
    version: 1,
    ...at,
    committedAt: tree.committedAt,
    blobs: [...tree.listing.blobs],
    texts: [...tree.listing.texts],
  };
  try {
    const file = fileOf(dataDir, id);
    mkdirSync(dirname(file), { recursive: true });
    // Renamed into place, never half-written; not flushed to disk: a cache lost in a crash is read again.
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify(kept));
    renameSync(temp, file);
  } catch {
    // Read again from git next time.
  }
}
