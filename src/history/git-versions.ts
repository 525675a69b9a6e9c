/**
 * A model's versions read straight from git objects — never a checkout, never a change to the
 * work tree: the commits that changed its files (first-parent line, oldest first), the blobs each
 * commit's files had, and the texts of those blobs, fetched in one `git cat-file --batch`.
 */
import { posix, relative, resolve, sep } from "node:path";
import { GitError, gitAsync, gitSync, gitSyncInput, gitTry } from "../evidence/git.ts";

export interface ModelInRepo {
  /** The repository's top-level folder (absolute). */
  repo: string;
  /** The model's entry (file or folder), relative to the repository's top. */
  entry: string;
  /** For an entry file that was renamed: the commit at which each older name took over, oldest first. */
  renames: { commit: string; path: string }[];
  /** What to follow in history: the model's folder, and any included path outside it. */
  pathspecs: string[];
}

export interface Version {
  commit: string;
  /** The commit's author date, ISO 8601. */
  date: string;
  author: string;
  /** Path (relative to the repository's top) → blob id, for the model's files at this commit. */
  blobs: Map<string, string>;
}

/** Where the model at `entry` (a path on disk) sits in its git repository, or a GitError. */
export function locateModel(entry: string, isDirectory: boolean, extra: readonly string[] = []): ModelInRepo {
  const dir = isDirectory ? entry : posix.dirname(entry);
  const repo = gitTry(dir, ["rev-parse", "--show-toplevel"])?.trim();
  if (!repo) throw new GitError(`${entry} is not in a git repository`);
  const prefix = gitSync(dir, ["rev-parse", "--show-prefix"]).trim().replace(/\/$/, "");
  const base = isDirectory ? "" : posix.basename(entry);
  const rel = (p: string) => p.replace(/^\.\//, "");
  const entryInRepo = rel(posix.join(prefix, base)) || ".";
  const folder = prefix || ".";
  // Included files and folders, given as paths on disk, as paths in the repository.
  const inRepo = extra
    .map((p) => relative(repo, resolve(p)).split(sep).join("/"))
    .filter((p) => p && !p.startsWith(".."));
  const outside = inRepo.filter((p) => folder !== "." && !`${p}/`.startsWith(`${folder}/`));
  const renames = isDirectory ? [] : entryNames(repo, entryInRepo);
  const older = [...new Set(renames.map((r) => r.path))].filter(
    (p) => folder !== "." && !p.startsWith(`${folder}/`),
  );
  return { repo, entry: entryInRepo, renames, pathspecs: [folder, ...outside, ...older] };
}

/**
 * The names an entry file had, followed through renames on the first-parent line: each commit that
 * changed it, with its name at that commit, oldest first.
 */
function entryNames(repo: string, entry: string): { commit: string; path: string }[] {
  const out = gitTry(repo, [
    "log",
    "--first-parent",
    "--follow",
    "--name-status",
    "--format=%x1e%H",
    "HEAD",
    "--",
    entry,
  ]);
  if (!out) return [];
  const names: { commit: string; path: string }[] = [];
  for (const record of out.split("\u001e").slice(1)) {
    const [commit = "", ...lines] = record.split("\n");
    const line = lines.find((l) => /^[A-Z]\d*\t/.test(l));
    const path = line?.split("\t").at(-1);
    if (commit && path) names.push({ commit, path });
  }
  return names.reverse();
}

/** The entry's name at each version (oldest first), following renames; the current name when there were none. */
export function entryAtVersions(model: ModelInRepo, versions: readonly Version[]): string[] {
  const byCommit = new Map(model.renames.map((r) => [r.commit, r.path]));
  let current = model.renames[0]?.path ?? model.entry;
  return versions.map((v) => {
    current = byCommit.get(v.commit) ?? current;
    return current;
  });
}

/** Resolves a ref (branch, tag, commit, `HEAD~2`) to a commit id, or a GitError naming it. */
export function resolveRef(repo: string, ref: string): string {
  const id = gitTry(repo, [
    "rev-parse",
    "--verify",
    "--quiet",
    "--end-of-options",
    `${ref}^{commit}`,
  ])?.trim();
  if (!id) throw new GitError(`no commit "${ref}" in ${repo}`);
  return id;
}

/** The merge base of two commits (for `main...feature`). */
export function mergeBase(repo: string, a: string, b: string): string {
  return gitSync(repo, ["merge-base", a, b]).trim();
}

export interface HistoryOptions {
  since?: string;
  until?: string;
  /** The newest N versions only. */
  max?: number;
  /** The commit to walk back from (HEAD by default). */
  head?: string;
}

/**
 * Every commit on the first-parent line that changed the model's files, oldest first, with the
 * blobs of the model's files at that commit (built up from each commit's changes).
 */
export function modelVersions(model: ModelInRepo, options: HistoryOptions = {}): Version[] {
  const args = [
    "log",
    "--first-parent",
    "--reverse",
    "--raw",
    "--no-renames",
    "--no-abbrev",
    "--format=%x1e%H%x1f%aI%x1f%an",
    options.head ?? "HEAD",
    "--",
    ...model.pathspecs,
  ];
  const out = gitSync(model.repo, args);
  const versions: Version[] = [];
  let state = new Map<string, string>();
  for (const record of out.split("\u001e").slice(1)) {
    const [header = "", ...lines] = record.split("\n");
    const [commit = "", date = "", author = ""] = header.split("\u001f");
    state = new Map(state);
    for (const line of lines) {
      // :100644 100644 <old> <new> M\t<path>
      const match = /^:\d+ \d+ [0-9a-f]+ ([0-9a-f]+) ([A-Z])\d*\t(.+)$/.exec(line);
      if (!match) continue;
      const [, blob = "", status, path = ""] = match;
      if (status === "D") state.delete(path);
      else state.set(path, blob);
    }
    versions.push({ commit, date, author, blobs: state });
  }
  const day = (v: Version) => v.date.slice(0, 10);
  let selected = versions.filter(
    (v) =>
      (options.since === undefined || day(v) >= options.since) &&
      (options.until === undefined || day(v) <= options.until),
  );
  if (options.max !== undefined) selected = selected.slice(-options.max);
  return selected;
}

/** The blobs of the model's files at one commit (from its tree). */
export function versionAt(model: ModelInRepo, commit: string): Version {
  const out = gitSync(model.repo, ["ls-tree", "-r", "--full-tree", commit, "--", ...model.pathspecs]);
  const blobs = new Map<string, string>();
  for (const line of out.split("\n")) {
    const match = /^\d+ blob ([0-9a-f]+)\t(.+)$/.exec(line);
    if (match?.[1] && match[2]) blobs.set(match[2], match[1]);
  }
  const [date = "", author = ""] = gitSync(model.repo, ["show", "-s", "--format=%aI%x1f%an", commit])
    .trim()
    .split("\u001f");
  return { commit, date, author, blobs };
}

/** The texts of YAML blobs, in one `git cat-file --batch`. */
export function readBlobs(repo: string, ids: Iterable<string>): Map<string, string> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return new Map();
  return parseBatch(gitSyncInput(repo, ["cat-file", "--batch"], `${wanted.join("\n")}\n`));
}

/** {@link readBlobs} without blocking. */
export async function readBlobsAsync(repo: string, ids: Iterable<string>): Promise<Map<string, string>> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return new Map();
  return parseBatch(await gitAsync(repo, ["cat-file", "--batch"], `${wanted.join("\n")}\n`));
}

/** The objects of a `git cat-file --batch` answer, by id. */
function parseBatch(out: Buffer): Map<string, string> {
  const texts = new Map<string, string>();
  let at = 0;
  while (at < out.length) {
    const eol = out.indexOf(10, at);
    if (eol === -1) break;
    const header = out.toString("utf8", at, eol);
    const [id = "", type, size] = header.split(" ");
    if (type === "missing" || size === undefined) {
      at = eol + 1;
      continue;
    }
    const length = Number(size);
    texts.set(id, out.toString("utf8", eol + 1, eol + 1 + length));
    at = eol + 1 + length + 1;
  }
  return texts;
}

/** A version's files as path → text, YAML only. */
export function versionFiles(version: Version, texts: ReadonlyMap<string, string>): Record<string, string> {
  const files: Record<string, string> = {};
  for (const [path, blob] of version.blobs) {
    if (!/\.ya?ml$/i.test(path)) continue;
    const text = texts.get(blob);
    if (text !== undefined) files[path] = text;
  }
  return files;
}
