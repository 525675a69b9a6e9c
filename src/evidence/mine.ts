/**
 * Mines one repository's history into the store: only the commits added since the last run, or
 * everything again when history was rewritten (the last commit seen is no longer an ancestor).
 * Authors are kept as git identities ("Name <email>", as committed); `.mailmap` and the mapping to
 * people are applied when reporting, so neither a change to the model nor to `.mailmap` invalidates
 * the store.
 */

import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { DATE_SHAPE } from "../model/calendar-date.ts";
import { type LinguistAttributes, NO_ATTRIBUTES, parseAttributes } from "./attributes.ts";
import { type FileState, HistoryAccumulator, mergeNewer } from "./authorship.ts";
import { GitError, gitStream, gitSync, gitTry, logArgs, type RenameMode } from "./git.ts";
import { type Commit, LogParser } from "./log-parser.ts";
import { type Mailmap, NO_MAILMAP, parseMailmap } from "./mailmap.ts";
import type { EvidenceStore, RepoState } from "./store-port.ts";

export interface MineOptions {
  repo: string;
  /** A branch or other ref; HEAD when omitted. */
  branch?: string;
  /** A snapshot: a commit-ish, or a date (the last first-parent commit on or before it). */
  at?: string;
  store: EvidenceStore;
  /**
   * Given the analysed commit's paths as soon as they are known (while history still streams):
   * work on them then costs nothing, git being the slower half.
   */
  onTree?: (paths: ReadonlySet<string>) => void;
  /**
   * Whether to read a cold history as two ranges by two gits at once: "auto" (default) when it is
   * long (2,000 first-parent commits or more, in packs of 4 MB or more); "always" and "never" for
   * tests and benchmarks.
   */
  split?: "auto" | "always" | "never";
  /** Called as commits are read: done, total. */
  onProgress?: (done: number, total: number) => void;
  /**
   * Given the stored state a re-run continues, while git reads the new commits: work on it (such
   * as reading what the store keeps beside it) then costs nothing.
   */
  whileReading?: (stored: RepoState) => void;
}

export interface MineResult {
  state: RepoState;
  /** Commits read in this run (0 when the store was current). */
  read: number;
  mode: "current" | "incremental" | "full" | "rewritten" | "empty";
  /** The analysed commit's `.mailmap` (empty when it has none), to apply when measuring. */
  mailmap: Mailmap;
  /** What the analysed commit's `.gitattributes` files say is generated or vendored. */
  attributes: LinguistAttributes;
  /**
   * When the store held this repository's history up to an ancestor (or the commit itself): that
   * commit, and the files changed since (ids, removed files included) — all others are as they were.
   */
  since?: { head: string; changed: ReadonlySet<number> };
  warnings: string[];
}

/** A file of a commit's tree as text, or undefined when there is none. */
async function textAt(repo: string, commit: string, path: string): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  try {
    await gitStream(repo, ["cat-file", "blob", `${commit}:${path}`], (chunk) => chunks.push(chunk));
  } catch {
    return undefined;
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** The `.mailmap` of a commit's tree, read while the history streams. */
async function mailmapAt(repo: string, commit: string): Promise<Mailmap> {
  const text = await textAt(repo, commit, ".mailmap");
  return text === undefined ? NO_MAILMAP : parseMailmap(text);
}

/**
 * The attributes of a commit's tree: its top `.gitattributes` (read while the history streams) and
 * those of deeper folders, which the files of the tree name.
 */
async function attributesAt(
  repo: string,
  commit: string,
  state: RepoState,
  top: Promise<string | undefined>,
): Promise<LinguistAttributes> {
  const deeper = [...state.files.values()]
    .filter((f) => f.atHead && f.path.endsWith("/.gitattributes"))
    .map((f) => f.path);
  const texts = await Promise.all([top, ...deeper.map((path) => textAt(repo, commit, path))]);
  const files = [".gitattributes", ...deeper].flatMap((path, i) => {
    const text = texts[i];
    return text === undefined ? [] : [{ path, text }];
  });
  return files.length === 0 ? NO_ATTRIBUTES : parseAttributes(files);
}

/** "Name <email>" of trailers (co-authors, reviewers), e-mail lower-cased, as the author's is. */
export function trailerIdentities(values: readonly string[]): string[] {
  return values.map((value) => {
    const match = /^(.*?)\s*<([^>]*)>\s*$/.exec(value);
    return match ? `${(match[1] ?? "").trim()} <${(match[2] ?? "").trim().toLowerCase()}>` : value.trim();
  });
}

/** The author of a commit as "Name <email>" (as committed), the key authorship is stored under. */
export const authorOf = (commit: Commit) => `${commit.authorName} <${commit.authorEmail.toLowerCase()}>`;

/**
 * The paths of a commit's tree (`git ls-tree -r`), submodules included as one path. Read while the
 * history walk runs (git does both at once on two cores).
 */
export async function treePaths(repo: string, commit: string): Promise<Set<string>> {
  const chunks: Buffer[] = [];
  await gitStream(repo, ["ls-tree", "-r", "-z", "--name-only", "--full-tree", commit], (chunk) =>
    chunks.push(chunk),
  );
  const paths = new Set<string>();
  for (const path of Buffer.concat(chunks).toString("utf8").split("\0")) if (path !== "") paths.add(path);
  return paths;
}

/**
 * The commit `at` names: a commit-ish, or a date (YYYY-MM-DD) for the last commit on `ref`'s
 * first-parent line made on or before that day (UTC).
 */
export function snapshotCommit(repo: string, ref: string, at: string): string {
  if (ref.startsWith("-") || at.startsWith("-"))
    throw new GitError(`"${ref.startsWith("-") ? ref : at}" is not a commit`);
  if (DATE_SHAPE.test(at)) {
    const hash = gitTry(repo, [
      "rev-list",
      "-1",
      "--first-parent",
      `--before=${at}T23:59:59Z`,
      ref,
      "--",
    ])?.trim();
    if (!hash) throw new GitError(`${repo} has no commit on or before ${at}`);
    return hash;
  }
  const hash = gitTry(repo, ["rev-parse", "--verify", "--quiet", `${at}^{commit}`])?.trim();
  if (!hash) throw new GitError(`${repo} has no commit "${at}"`);
  return hash;
}

/**
 * What one `git rev-parse` says of a repository: where its objects live, whether it is shallow, and
 * where the path given lies in its working tree ("" at the top or in a bare repository).
 */
interface RepositoryFacts {
  commonDir: string;
  shallow: boolean;
  /** Whether the path given is a git directory (a bare repository, `.git`, or inside one). */
  inGitDir: boolean;
  prefix: string;
}

const FACTS = [
  "rev-parse",
  "--path-format=absolute",
  "--git-common-dir",
  "--is-shallow-repository",
  "--is-inside-git-dir",
  "--show-prefix",
];

/** The facts from rev-parse's lines (FACTS' four, then whatever was asked after them). */
function factsOf(out: string): RepositoryFacts & { rest: string[] } {
  const [commonDir = "", shallow = "", inGitDir = "", prefix = "", ...rest] = out
    .replace(/\n$/, "")
    .split("\n");
  return {
    commonDir,
    shallow: shallow.trim() === "true",
    inGitDir: inGitDir.trim() === "true",
    prefix: prefix.trim(),
    rest,
  };
}

/**
 * The folder a repository is stored under, whichever of its folders was given: the top of its
 * working tree (`a`, `a/docs` and `a/.git` are one repository), or a bare repository's own folder.
 */
function repositoryRoot(repo: string, facts: RepositoryFacts): string {
  if (facts.inGitDir) {
    const common = realpathSync(facts.commonDir);
    return basename(common) === ".git" ? dirname(common) : common;
  }
  return resolve(
    realpathSync(repo),
    ...facts.prefix
      .split("/")
      .filter(Boolean)
      .map(() => ".."),
  );
}

/**
 * What marks a shallow clone's cut (its `shallow` file's digest), so that a clone deepened or cut
 * elsewhere is stored apart and read afresh, while one left as it was is read as any other.
 */
function shallowMark(facts: RepositoryFacts): string {
  let text = "";
  try {
    text = readFileSync(join(facts.commonDir, "shallow"), "utf8");
  } catch {
    // No shallow file: git says shallow all the same; the mark is then that of an empty cut.
  }
  return createHash("sha1").update(text).digest("hex").slice(0, 12);
}

/** Checks that `repo` is a git repository (bare or not); throws GitError with a clear message otherwise. */
export function checkRepository(repo: string): RepositoryFacts {
  const out = gitTry(repo, FACTS);
  if (out === undefined)
    throw new GitError(
      existsSync(repo)
        ? `${repo} is not a git repository (or git cannot read it)`
        : `${repo} does not exist (a repository to read was expected there)`,
    );
  const { rest: _rest, ...facts } = factsOf(out);
  return facts;
}

/** The repository's facts and `ref`'s commit, in one git call when the ref names a commit. */
function repositoryAndHead(repo: string, ref: string): RepositoryFacts & { head?: string } {
  if (!ref.startsWith("-")) {
    const out = gitTry(repo, [...FACTS, "--verify", "--quiet", `${ref}^{commit}`]);
    if (out !== undefined) {
      const { rest, ...facts } = factsOf(out);
      const head = rest[0]?.trim() ?? "";
      if (head !== "") return { ...facts, head };
    }
  }
  // No such ref (or not a repository): say which, through the slower path.
  const facts = checkRepository(repo);
  const head = ref.startsWith("-")
    ? undefined
    : gitTry(repo, ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`])?.trim();
  return head ? { ...facts, head } : facts;
}

export async function mineRepository(options: MineOptions, attempt = 1): Promise<MineResult> {
  const { repo, store } = options;
  const warnings: string[] = [];
  const ref = options.branch ?? "HEAD";
  const facts = repositoryAndHead(repo, ref);
  const at = options.at === undefined ? undefined : snapshotCommit(repo, ref, options.at);
  // Any folder of a repository stands for it; a shallow clone is stored apart for each cut.
  const root = repositoryRoot(repo, facts) + (facts.shallow ? `~shallow-${shallowMark(facts)}` : "");
  const key = at === undefined ? `${root}#${ref}` : `${root}@${at}`;
  const head = at ?? facts.head;
  if (!head) return noCommits(options, key, warnings);
  if (facts.shallow)
    warnings.push(`${repo} is a shallow clone: history before its cut is missing, so authorship is partial`);

  const loaded = await store.load(key);
  if (loaded?.outdated)
    warnings.push(`${repo}: the evidence store was written by an older mlteam; recomputed`);
  // A shallow clone's history can grow below its head (`git fetch --deepen`, `--unshallow`): each
  // cut is stored apart (its key), and a state stored shallow under a whole clone's key (before
  // keys told cuts apart) is read again.
  const stored = loaded?.outdated || (loaded?.shallow && !facts.shallow) ? undefined : loaded;
  const mailmapRead = mailmapAt(repo, head);
  const attributesRead = textAt(repo, head, ".gitattributes");
  if (stored?.head === head)
    return {
      state: stored,
      read: 0,
      mode: "current",
      mailmap: await mailmapRead,
      attributes: await attributesAt(repo, head, stored, attributesRead),
      since: { head, changed: new Set() },
      warnings,
    };
  const mining: Mining = { options, attempt, facts, key, head, stored, loadedHead: loaded?.head, warnings };
  return mineNewCommits(mining, mailmapRead, attributesRead);
}

/** The result for a repository without commits (or an error when the branch asked for is missing). */
function noCommits(options: MineOptions, key: string, warnings: string[]): MineResult {
  const { repo } = options;
  if (
    options.branch !== undefined &&
    gitTry(repo, ["rev-parse", "--verify", "--quiet", "HEAD"]) !== undefined
  ) {
    throw new GitError(`${repo} has no branch or ref "${options.branch}"`);
  }
  warnings.push(`${repo} has no commits yet`);
  return {
    state: { key, head: "", commits: 0, shallow: false, files: new Map() },
    read: 0,
    mode: "empty",
    mailmap: NO_MAILMAP,
    attributes: NO_ATTRIBUTES,
    warnings,
  };
}

/** One mining run's repository, the commit it analyses and the state the store held, as its steps share them. */
interface Mining {
  options: MineOptions;
  attempt: number;
  facts: RepositoryFacts & { head?: string };
  key: string;
  head: string;
  /** The state stored for the key (undefined when none, or when it is to be read again). */
  stored: RepoState | undefined;
  /** The head of the state as loaded, which saving checks is still the stored one. */
  loadedHead: string | undefined;
  warnings: string[];
}

/** Reads the commits the store lacks, merges them into the files' histories and stores the result. */
async function mineNewCommits(
  m: Mining,
  mailmapRead: Promise<Mailmap>,
  attributesRead: Promise<string | undefined>,
): Promise<MineResult> {
  const { options, key, head, stored, warnings } = m;
  const { repo, store } = options;
  const plan = await planWalk(m);
  const { continued } = plan;
  const { parts: walked, read } = await readHistory(m, plan);
  options.onProgress?.(read, plan.total);

  const { files, changed } = await treeFiles(plan, walked);
  const state: RepoState = {
    key,
    head,
    commits: (continued ? continued.commits : 0) + read,
    shallow: m.facts.shallow,
    files,
  };
  const saved = await store.save(state, m.loadedHead, changed);
  if (!saved) {
    // Another process stored newer evidence meanwhile: start again from it.
    if (m.attempt >= 3)
      throw new GitError(`the evidence store for ${repo} keeps changing under this run; try again`);
    return mineRepository(options, m.attempt + 1);
  }
  const mode = continued ? "incremental" : stored && stored.head !== "" ? "rewritten" : "full";
  if (mode === "rewritten")
    warnings.push(`${repo}: history was rewritten since the last run; recomputed from scratch`);
  return {
    state,
    read,
    mode,
    mailmap: await mailmapRead,
    attributes: await attributesAt(repo, head, state, attributesRead),
    ...(continued && changed ? { since: { head: continued.head, changed } } : {}),
    warnings,
  };
}

/** What a run reads: one range of history or two (a long one, split), and the trees to finish them with. */
interface WalkPlan {
  /** The stored state this run continues (its head an ancestor of the commit analysed), if any. */
  continued: RepoState | undefined;
  ranges: string[];
  /** The commits to read, for a progress display (0 without one). */
  total: number;
  /** The analysed commit's paths. */
  treeRead: Promise<Set<string>>;
  /** The paths at the split point, when the history is read in two. */
  splitTree: Promise<Set<string>> | undefined;
}

async function planWalk(m: Mining): Promise<WalkPlan> {
  const { options, facts, head, stored } = m;
  const { repo } = options;
  // The tree is listed while git checks that the stored commit is an ancestor.
  const listing = treePaths(repo, head);
  listing.catch(() => undefined);
  const incremental =
    stored !== undefined && stored.head !== "" && (await isAncestor(repo, stored.head, head));
  const range = incremental ? `${stored.head}..${head}` : head;
  // Counting commits costs another walk of the history: only for a progress display.
  const total = options.onProgress ? Number(gitSync(repo, ["rev-list", "--count", range]).trim()) || 0 : 0;

  // Work on every path pays while a long history streams, not after a few new commits.
  const treeRead = listing.then((paths) => {
    if (!incremental) options.onTree?.(paths);
    return paths;
  });
  // Awaited below; a failure before then must not surface as an unhandled rejection.
  treeRead.catch(() => undefined);
  // A long history is read as two ranges at once, one git each (git's walk is the slow part and
  // uses one core): the older part as of a first-parent commit, the newer part since — then merged
  // as an incremental run merges, which a test keeps equal to reading it whole.
  const splitMode = options.split ?? "auto";
  const split =
    incremental || splitMode === "never" || (splitMode === "auto" && !largeHistory(facts.commonDir))
      ? undefined
      : // Awaited, not run synchronously: the tree's paths are read and classified meanwhile.
        await splitPoint(repo, head, splitMode === "always" ? 2 : SPLIT_FROM);
  const ranges = split === undefined ? [range] : [split, `${split}..${head}`];
  const splitTree = split === undefined ? undefined : treePaths(repo, split);
  splitTree?.catch(() => undefined);
  return { continued: incremental ? stored : undefined, ranges, total, treeRead, splitTree };
}

/** The walk's histories, one per range, following renames as far as the clone's contents allow. */
async function readHistory(
  m: Mining,
  plan: WalkPlan,
): Promise<{ parts: HistoryAccumulator[]; read: number }> {
  const { options, warnings } = m;
  const { repo } = options;
  // Inexact rename detection reads file contents, which a partial clone (promisor packs) lacks:
  // there, exact renames only (found by object id), in one walk rather than failing half-way.
  const partial = lacksBlobs(m.facts.commonDir);
  if (partial)
    warnings.push(
      `${repo} is a partial clone (file contents are missing): only renames of unchanged files are followed`,
    );
  const walking = walk(options, plan, partial ? "exact" : "all").catch((error: unknown) => {
    // A damaged clone may still lack some contents.
    if (
      partial ||
      !(error instanceof GitError) ||
      !/unable to read|missing blob|could not read/i.test(error.message)
    )
      throw error;
    warnings.push(`${repo}: some file contents are missing, so renames are not followed`);
    return walk(options, plan, "none");
  });
  // git reads the history in processes of its own: the caller's work on the stored state fits in.
  if (plan.continued) options.whileReading?.(plan.continued);
  return walking;
}

/** The commits one walk has read so far, across its ranges, for the progress display. */
interface WalkProgress {
  options: MineOptions;
  total: number;
  read: number;
}

/** One attempt at the walk: the gits of a failed one may still be running, and must not count. */
async function walk(
  options: MineOptions,
  plan: WalkPlan,
  renames: RenameMode,
): Promise<{ parts: HistoryAccumulator[]; read: number }> {
  const progress: WalkProgress = { options, total: plan.total, read: 0 };
  const parts = await Promise.all(plan.ranges.map((part) => walkRange(part, renames, progress)));
  return { parts, read: progress.read };
}

/** Reads one range of history into an accumulator of the files' histories. */
async function walkRange(
  part: string,
  renames: RenameMode,
  progress: WalkProgress,
): Promise<HistoryAccumulator> {
  const accumulator = new HistoryAccumulator();
  const parser = new LogParser((commit) => {
    accumulator.add(
      commit,
      authorOf(commit),
      trailerIdentities(commit.coAuthors),
      trailerIdentities(commit.reviewers),
    );
    progress.read++;
    if (progress.read % 1000 === 0) progress.options.onProgress?.(progress.read, progress.total);
  });
  await gitStream(progress.options.repo, logArgs(part, renames), (chunk) => parser.push(chunk));
  parser.end();
  return accumulator;
}

/**
 * The files of the analysed tree once walked: the newer part merged onto the older one (a split
 * walk) or onto the stored state (an incremental run), and which files changed (incremental only).
 */
async function treeFiles(
  plan: WalkPlan,
  walked: HistoryAccumulator[],
): Promise<{ files: Map<number, FileState>; changed: Set<number> | undefined }> {
  const tree = await plan.treeRead;
  const newer = walked.at(-1) as HistoryAccumulator;
  newer.finish(tree);
  let base: Map<number, FileState> | undefined = plan.continued?.files;
  if (plan.splitTree) {
    const older = walked[0] as HistoryAccumulator;
    older.finish(await plan.splitTree);
    base = onlyInTree(older.files);
  }
  if (!base) return { files: onlyInTree(newer.files), changed: undefined };
  const merged = mergeNewer(base, newer, tree);
  const changed = plan.continued
    ? new Set([...merged.keys()].filter((id) => merged.get(id) !== base.get(id)))
    : undefined;
  return { files: onlyInTree(merged), changed };
}

/**
 * The files of the tree: the only histories a later run continues (a newer batch continues a file
 * that was in the tree, never one already deleted), so the others are not kept.
 */
function onlyInTree(files: Map<number, FileState>): Map<number, FileState> {
  const kept = new Map<number, FileState>();
  for (const [id, f] of files) if (f.atHead) kept.set(id, f);
  return kept;
}

/** The object directories of a repository: its own, and those it borrows (`--shared`, `--reference`). */
function objectDirectories(commonDir: string): string[] {
  const dirs = [join(commonDir, "objects")];
  try {
    const alternates = readFileSync(join(commonDir, "objects", "info", "alternates"), "utf8");
    for (const line of alternates.split("\n"))
      if (line.trim() && !line.startsWith("#")) dirs.push(resolve(commonDir, "objects", line.trim()));
  } catch {
    // No alternates.
  }
  return dirs;
}

/**
 * Whether the history may be long enough to be worth two gits: packs of 4 MB or more. Below that
 * (a young repository, or one with loose objects only), listing the first-parent line to find
 * the cut costs more than it could save.
 */
function largeHistory(commonDir: string): boolean {
  let bytes = 0;
  for (const dir of objectDirectories(commonDir)) {
    try {
      for (const file of readdirSync(join(dir, "pack")))
        if (file.endsWith(".pack")) bytes += statSync(join(dir, "pack", file)).size;
    } catch {
      // No pack directory.
    }
  }
  return bytes >= 4 * 1024 * 1024;
}

/**
 * Whether the repository (its common git directory) is a partial clone: promisor packs, or the
 * partialClone extension in its config — read from the files, without starting git again.
 */
export function lacksBlobs(commonDir: string): boolean {
  for (const dir of objectDirectories(commonDir)) {
    try {
      if (readdirSync(join(dir, "pack")).some((f) => f.endsWith(".promisor"))) return true;
    } catch {
      // No pack directory there: nothing is missing from it.
    }
  }
  try {
    return /^\s*partialclone\s*=/im.test(readFileSync(join(commonDir, "config"), "utf8"));
  } catch {
    return false;
  }
}

/** Below this many first-parent commits, one walk: a second git would cost more than it saves. */
const SPLIT_FROM = 2000;

/**
 * Where to cut a long history in two: the first-parent commit a third of the way back from `head`.
 * Recent history holds more commits per first-parent step (merged branches), so a third of the
 * steps is about half of the work (numpy 415 and 392 ms for the two parts; git/git 1.35 and 1.67 s).
 */
async function splitPoint(repo: string, head: string, from: number): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  await gitStream(repo, ["rev-list", "--first-parent", head, "--"], (chunk) => chunks.push(chunk));
  const line = Buffer.concat(chunks).toString("utf8").trim().split("\n");
  return line.length < from ? undefined : line[Math.max(1, Math.floor(line.length / 3))];
}

function isAncestor(repo: string, ancestor: string, head: string): Promise<boolean> {
  return gitStream(repo, ["merge-base", "--is-ancestor", ancestor, head], () => undefined).then(
    () => true,
    () => false,
  );
}
