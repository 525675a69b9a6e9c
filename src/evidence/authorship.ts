/**
 * Authorship of files from history, after Avelino, Passos, Hora and Valente, "A novel approach for
 * estimating truck factors", ICPC 2016: degree of authorship DOA = 3.293 + 1.098·FA + 0.164·DL −
 * 0.321·ln(1 + AC), where FA is 1 for the file's creator, DL the developer's later changes
 * (modifications and renames; the creation is FA, not a delivery) and AC the acceptances: the
 * other developers' changes (not the creation). A developer authors a file when their DOA,
 * normalised by the file's highest, is above 0.75 and the DOA itself is at least 3.293. The truck
 * factor removes the author of most files until more than half of the files have no author left.
 *
 * Each commit credits its author; `Co-authored-by` trailers are kept apart (under
 * {@link CO_AUTHOR}) and count only when asked for. History is fed newest commit first, as
 * `git log` gives it: a rename carries the new path's identity back to the old path, and an add
 * ends a file's history (older changes to the same path belong to an earlier file). Which files
 * exist is decided by the analysed commit's tree ({@link HistoryAccumulator.finish}), never by the
 * order of events.
 */
import type { Commit } from "./log-parser.ts";

/** Prefix of the developer keys that record a co-author's credit (kept apart from authorship). */
export const CO_AUTHOR = "co:";
/** Prefix of the keys that record a reviewer's reviews (`Reviewed-by:`…): knowledge, not authorship. */
export const REVIEWER = "rv:";

export interface DevStats {
  /** 1 when this developer created the file. */
  fa: number;
  /** Later changes: modifications and renames. */
  dl: number;
  /** Time of the developer's latest change, seconds since the epoch. */
  last: number;
  /**
   * Changes per month (for activity in a window), flat: month index (year·12 + month − 1), count,
   * month index, count… — numbers only, cheap to store, read and merge.
   */
  months: number[];
}

/**
 * The month index (year·12 + month − 1, UTC) of a time in seconds since the epoch — by Howard
 * Hinnant's civil-from-days arithmetic ("chrono-Compatible Low-Level Date Algorithms"), not a Date
 * per commit (numpy's 41,819 commits spent 9 ms building them).
 */
export function monthIndexOf(seconds: number): number {
  const z = Math.floor(seconds / 86_400) + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shifted = Math.floor((5 * dayOfYear + 2) / 153); // March = 0
  const month = shifted < 10 ? shifted + 3 : shifted - 9; // 1–12
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return year * 12 + month - 1;
}

/** The month index of "YYYY-MM" (or "YYYY-MM-DD"). */
export function monthIndexOfText(month: string): number {
  return Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
}

/** Adds `n` changes in month `index` to a flat months list. */
export function addMonth(months: number[], index: number, n: number): void {
  // History comes newest first, so the month is most often the last one added.
  for (let i = months.length - 2; i >= 0; i -= 2) {
    if (months[i] === index) {
      months[i + 1] = (months[i + 1] as number) + n;
      return;
    }
  }
  months.push(index, n);
}

/** Changes in month `from` (an index) or later. */
export function changesSince(months: readonly number[], from: number): number {
  let n = 0;
  for (let i = 0; i < months.length; i += 2) if ((months[i] as number) >= from) n += months[i + 1] as number;
  return n;
}

/** The sum of two flat months lists, as a new list. */
export function mergeMonths(a: readonly number[], b: readonly number[]): number[] {
  const out = [...a];
  for (let i = 0; i < b.length; i += 2) addMonth(out, b[i] as number, b[i + 1] as number);
  return out;
}

export interface FileState {
  id: number;
  /** The path the file had at the newest commit seen. */
  path: string;
  /**
   * Whether the file is in the analysed commit's tree: the newest history seen for its path, and
   * the path is in `git ls-tree` of the commit (set by {@link HistoryAccumulator.finish}).
   */
  atHead: boolean;
  /** Whether its creation has been seen (its history is complete). */
  created: boolean;
  /** The oldest path seen for it: how an older history continues it. */
  oldestPath: string;
  devs: Map<string, DevStats>;
}

/** Accumulates file histories from commits fed newest first. */
export class HistoryAccumulator {
  readonly files = new Map<number, FileState>();
  /** Path → the file that older commits touching that path belong to. */
  readonly #pathToFile = new Map<string, number>();
  /** Paths whose newest history has been seen: only that file can be the one in the tree. */
  readonly #claimed = new Set<string>();
  #nextId: number;

  constructor(firstId = 1) {
    this.#nextId = firstId;
  }

  /**
   * Adds one commit, credited to `author` (and, kept apart, to `coAuthors`), as "Name <email>";
   * its `reviewers` are recorded as having reviewed each file it changes.
   */
  add(
    commit: Commit,
    author: string,
    coAuthors: readonly string[] = [],
    reviewers: readonly string[] = [],
  ): void {
    const devs = [author, ...coAuthors.filter((c) => c !== author).map((c) => `${CO_AUTHOR}${c}`)];
    const reviewing = reviewers.filter((r) => r !== author).map((r) => `${REVIEWER}${r}`);
    const month = monthIndexOf(commit.time);
    for (const change of commit.changes) {
      const file = this.#fileFor(change.path);
      if (change.status !== "D") for (const r of reviewing) credit(file, r, commit.time, month, "dl");
      if (change.status === "A" || change.status === "C") {
        for (const dev of devs) credit(file, dev, commit.time, month, "fa");
        file.created = true;
        this.#pathToFile.delete(change.path);
      } else if (change.status === "R" && change.from !== undefined) {
        for (const dev of devs) credit(file, dev, commit.time, month, "dl");
        this.#pathToFile.delete(change.path);
        this.#pathToFile.set(change.from, file.id);
        file.oldestPath = change.from;
      } else if (change.status === "M" || change.status === "T") {
        for (const dev of devs) credit(file, dev, commit.time, month, "dl");
      }
      // D: the file's history at this path ends here (going back); it credits nobody.
    }
  }

  /**
   * Which file older history at each path continues (path → file id), as the walk ends: what a
   * walk going on into older commits would credit there.
   */
  continuations(): ReadonlyMap<string, number> {
    return this.#pathToFile;
  }

  /** Marks the files of the analysed commit's tree: the newest history of each path the tree holds. */
  finish(tree: ReadonlySet<string>): void {
    for (const file of this.files.values()) file.atHead = file.atHead && tree.has(file.path);
  }

  #fileFor(path: string): FileState {
    const id = this.#pathToFile.get(path);
    if (id !== undefined) return this.files.get(id) as FileState;
    const newest = !this.#claimed.has(path);
    this.#claimed.add(path);
    const file: FileState = {
      id: this.#nextId++,
      path,
      atHead: newest,
      created: false,
      oldestPath: path,
      devs: new Map(),
    };
    this.files.set(file.id, file);
    this.#pathToFile.set(path, file.id);
    return file;
  }
}

function credit(file: FileState, dev: string, time: number, month: number, kind: "fa" | "dl"): void {
  let stats = file.devs.get(dev);
  if (!stats) {
    stats = { fa: 0, dl: 0, last: 0, months: [] };
    file.devs.set(dev, stats);
  }
  if (kind === "fa") stats.fa = 1;
  else stats.dl++;
  stats.last = Math.max(stats.last, time);
  addMonth(stats.months, month, 1);
}

/**
 * Merges a newer batch of history into an older one, as if the walk had gone on into the older
 * commits: the older file in the tree at a path continues the newer file that the newer walk left
 * that path to ({@link HistoryAccumulator.continuations}) — not merely a newer file whose oldest
 * path it is: a side branch may change the old path of a file renamed on the main line, and cold
 * reading gives those changes a file of their own. Then `tree` (the newer commit's) decides which
 * files exist; where an older and a newer history claim the same path, the newer wins.
 */
export function mergeNewer(
  older: Map<number, FileState>,
  newer: { files: ReadonlyMap<number, FileState>; continuations(): ReadonlyMap<string, number> },
  tree: ReadonlySet<string>,
): Map<number, FileState> {
  const merged = new Map(older);
  /** Newer file id → the older file it continues. */
  const continued = new Map<number, FileState>();
  const continuations = newer.continuations();
  for (const f of older.values()) {
    if (!f.atHead) continue;
    const id = continuations.get(f.path);
    if (id !== undefined) continued.set(id, f);
  }
  let nextId = 1;
  for (const id of older.keys()) if (id >= nextId) nextId = id + 1;
  const fresh = new Set<number>();
  for (const file of newer.files.values()) {
    const previous = continued.get(file.id);
    if (!previous) {
      const id = nextId++;
      merged.set(id, { ...file, id });
      fresh.add(id);
      continue;
    }
    const devs = new Map<string, DevStats>();
    for (const [dev, s] of previous.devs) devs.set(dev, s);
    for (const [dev, s] of file.devs) {
      const d = devs.get(dev);
      devs.set(
        dev,
        d === undefined
          ? s
          : {
              fa: Math.max(d.fa, s.fa),
              dl: d.dl + s.dl,
              last: Math.max(d.last, s.last),
              months: mergeMonths(d.months, s.months),
            },
      );
    }
    merged.set(previous.id, {
      id: previous.id,
      oldestPath: previous.oldestPath,
      path: file.path,
      atHead: file.atHead,
      created: previous.created || file.created,
      devs,
    });
    fresh.add(previous.id);
  }
  const newestAt = new Map<string, number>();
  for (const id of fresh) {
    const f = merged.get(id) as FileState;
    if (f.atHead) newestAt.set(f.path, id);
  }
  for (const [id, f] of merged) {
    const atHead = f.atHead && tree.has(f.path) && (newestAt.get(f.path) ?? id) === id;
    if (atHead !== f.atHead)
      merged.set(id, {
        id,
        path: f.path,
        atHead,
        created: f.created,
        oldestPath: f.oldestPath,
        devs: f.devs,
      });
  }
  return merged;
}

export const DOA_THRESHOLD = 3.293;
export const NORMALISED_THRESHOLD = 0.75;

/** The degree of authorship of one developer. */
export function doa(fa: number, dl: number, ac: number): number {
  return 3.293 + 1.098 * fa + 0.164 * dl - 0.321 * Math.log(1 + ac);
}

/**
 * The file's authors by the DOA rule, with each one's DOA, highest first. `devs` are the
 * developers who may author it (people, not bots); `otherChanges` are changes by others who may
 * not (bots): they count as acceptances for everyone.
 */
export function authorsOf(file: Pick<FileState, "devs">, otherChanges = 0): { dev: string; doa: number }[] {
  let changes = otherChanges;
  for (const s of file.devs.values()) changes += s.dl;
  const scored: { dev: string; doa: number }[] = [];
  let max = 0;
  for (const [dev, s] of file.devs) {
    const value = doa(s.fa, s.dl, changes - s.dl);
    scored.push({ dev, doa: value });
    if (value > max) max = value;
  }
  return scored
    .filter((s) => s.doa >= DOA_THRESHOLD && s.doa / max > NORMALISED_THRESHOLD)
    .sort((a, b) => b.doa - a.doa || a.dev.localeCompare(b.dev));
}

export interface TruckFactor {
  value: number;
  /** The authors removed, in order: those the files depend on most. */
  removed: string[];
  files: number;
}

/**
 * The truck factor of a set of files: greedily remove the author of the most files until more
 * than half of the files have no author; the number removed. A file set with no authors has 0.
 * An author's coverage (how many files they author) does not change when another is removed, so
 * the greedy order is the authors by coverage, most first (ties by name), computed once.
 */
export function truckFactor(authorsByFile: readonly (readonly string[])[]): TruckFactor {
  const files = authorsByFile.length;
  const filesOf = new Map<string, number[]>();
  const left = new Int32Array(files);
  let orphaned = 0;
  authorsByFile.forEach((authors, index) => {
    const unique = authors.length < 2 ? authors : new Set(authors);
    const count = authors.length < 2 ? authors.length : (unique as Set<string>).size;
    left[index] = count;
    if (count === 0) orphaned++;
    for (const author of unique) {
      const list = filesOf.get(author);
      if (list) list.push(index);
      else filesOf.set(author, [index]);
    }
  });
  const order = [...filesOf].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]));
  const removed: string[] = [];
  for (const [author, indices] of order) {
    if (files === 0 || orphaned > files / 2) break;
    removed.push(author);
    for (const i of indices) {
      const authorsLeft = (left[i] ?? 0) - 1;
      left[i] = authorsLeft;
      if (authorsLeft === 0) orphaned++;
    }
  }
  return { value: removed.length, removed, files };
}
