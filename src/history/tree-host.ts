/**
 * A ModelHost over one commit's tree, read from git objects — no checkout, nothing written: the
 * tree is listed once (`git ls-tree -r`), the YAML files of the model's folder are read in one
 * `git cat-file --batch`, any other file the model includes when it is asked for. Paths are
 * relative to the repository's top, as in the tree.
 */
import { posix } from "node:path";
import { gitAsync, gitSync } from "../evidence/git.ts";
import type { ModelHost } from "../model/load.ts";
import { readBlobs, readBlobsAsync } from "./git-versions.ts";

/** A commit's tree as a host reads it: every blob's path and id, and the model folder's YAML texts. */
export interface TreeListing {
  blobs: Map<string, string>;
  texts: Map<string, string>;
  /** The commit's committer date (ISO 8601 with its offset, as `git show --format=%cI`), read in the same batch. */
  committedAt?: string;
}

/** The committer date of a raw commit object, as `%cI` writes it. */
export function committerDate(commit: string): string | undefined {
  const match = /^committer .* (\d+) ([+-])(\d\d)(\d\d)$/m.exec(commit);
  if (!match) return undefined;
  const [, seconds, sign, hh, mm] = match as unknown as [string, string, string, string, string];
  const offset = (sign === "-" ? -1 : 1) * (Number(hh) * 60 + Number(mm));
  const local = new Date((Number(seconds) + offset * 60) * 1000).toISOString().slice(0, 19);
  return `${local}${sign}${hh}:${mm}`;
}

/** Lists `commit`'s tree (one `git ls-tree`) and reads the model folder's YAML files (one `cat-file --batch`). */
export function treeListing(repo: string, commit: string, modelPath: string): TreeListing {
  const blobs = blobsOf(gitSync(repo, ["ls-tree", "-r", "-z", "--full-tree", commit]));
  const wanted = modelYaml(blobs, modelPath);
  return listingOf(blobs, wanted, commit, readBlobs(repo, [commit, ...wanted.map(([, id]) => id)]));
}

/** {@link treeListing} without blocking: many repositories are listed at once. */
export async function treeListingAsync(
  repo: string,
  commit: string,
  modelPath: string,
): Promise<TreeListing> {
  const out = await gitAsync(repo, ["ls-tree", "-r", "-z", "--full-tree", commit]);
  const blobs = blobsOf(out.toString("utf8"));
  const wanted = modelYaml(blobs, modelPath);
  return listingOf(
    blobs,
    wanted,
    commit,
    await readBlobsAsync(repo, [commit, ...wanted.map(([, id]) => id)]),
  );
}

function blobsOf(listing: string): Map<string, string> {
  const blobs = new Map<string, string>();
  for (const entry of listing.split("\0")) {
    const match = /^\d+ blob ([0-9a-f]+)\t(.+)$/s.exec(entry);
    if (match?.[1] && match[2]) blobs.set(match[2], match[1]);
  }
  return blobs;
}

/** The YAML files of the model's folder (path, blob id). */
function modelYaml(blobs: ReadonlyMap<string, string>, modelPath: string): [string, string][] {
  const folder = /\.ya?ml$/i.test(modelPath) ? posix.dirname(modelPath) : modelPath.replace(/\/$/, "");
  const inFolder = (p: string) => folder === "." || folder === "" || p.startsWith(`${folder}/`);
  return [...blobs].filter(([p]) => /\.ya?ml$/i.test(p) && inFolder(p));
}

function listingOf(
  blobs: Map<string, string>,
  wanted: readonly [string, string][],
  commit: string,
  read: ReadonlyMap<string, string>,
): TreeListing {
  const texts = new Map<string, string>();
  for (const [path, id] of wanted) {
    const text = read.get(id);
    if (text !== undefined) texts.set(path, text);
  }
  const committedAt = committerDate(read.get(commit) ?? "");
  return { blobs, texts, ...(committedAt ? { committedAt } : {}) };
}

export function treeHost(repo: string, commit: string, modelPath: string): ModelHost {
  return listingHost(repo, treeListing(repo, commit, modelPath));
}

/** A host over a tree's listing; a file outside the model's folder is read from git when asked for. */
export function listingHost(repo: string, { blobs, texts }: TreeListing): ModelHost {
  const normal = (p: string) => posix.normalize(p).replace(/^\.\//, "").replace(/\/$/, "");
  const paths = [...blobs.keys()];
  return {
    readFile(path) {
      const p = normal(path);
      const cached = texts.get(p);
      if (cached !== undefined) return cached;
      const id = blobs.get(p);
      if (id === undefined) return undefined;
      const text = readBlobs(repo, [id]).get(id);
      if (text !== undefined) texts.set(p, text);
      return text;
    },
    exists(path) {
      const p = normal(path);
      return p === "." || p === "" || blobs.has(p) || paths.some((f) => f.startsWith(`${p}/`));
    },
    listYamlFiles(path) {
      const p = normal(path);
      const prefix = p === "." || p === "" ? "" : `${p}/`;
      if (prefix !== "" && !paths.some((f) => f.startsWith(prefix))) return undefined;
      if (blobs.has(p)) return undefined;
      return paths
        .filter((f) => f.startsWith(prefix) && !f.slice(prefix.length).includes("/") && /\.ya?ml$/i.test(f))
        .sort();
    },
  };
}
