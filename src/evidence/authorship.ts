/**
 * Authorship of files from history, after Avelino et al., "A novel approach for estimating truck
 * factors", ICPC 2016: degree of authorship DOA = 3.293 + 1.098·FA + 0.164·DL − 0.321·ln(1 + AC),
 * where FA is 1 for the file's creator, DL the developer's later changes (modifications and
 * renames) and AC everyone else's changes; a developer authors a file when their DOA, normalised by
 * the file's highest, is above 0.75 and the DOA itself is at least 3.293. The truck factor removes
 * the author of most files until more than half of the files have no author left.
 *
 * History is fed newest commit first, as `git log` gives it: a rename carries the new path's
 * identity back to the old path, and an add ends a file's history (older changes to the same path
 * belong to an earlier file).
 */
import type { Commit } from "./log-parser.ts";

export interface DevStats {
  /** 1 when this developer created the file. */
  fa: number;
  /** Later changes: modifications and renames. */
  dl: number;
  /** Time of the developer's latest change, seconds since the epoch. */
  last: number;
  /** Changes per month, "YYYY-MM" → count (for activity in a window). */
  months: Map<string, number>;
}

export interface FileState {
  id: number;
  /** The path the file had at the newest commit seen. */
  path: string;
  /** Whether the file exists at the newest commit seen (its newest change is not a delete). */
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
  #nextId: number;

  constructor(firstId = 1) {
    this.#nextId = firstId;
  }

  /** Adds one commit; `devsOf` names the developers credited (empty for bots). */
  add(commit: Commit, devs: readonly string[]): void {
    if (devs.length === 0) return;
    const month = new Date(commit.time * 1000).toISOString().slice(0, 7);
    for (const change of commit.changes) {
      const file = this.#fileFor(change.path, change.status !== "D");
      if (change.status === "A") {
        for (const dev of devs) credit(file, dev, commit.time, month, "fa");
        file.created = true;
        this.#pathToFile.delete(change.path);
      } else if (change.status === "R" && change.from !== undefined) {
        for (const dev of devs) credit(file, dev, commit.time, month, "dl");
        this.#pathToFile.delete(change.path);
        this.#pathToFile.set(change.from, file.id);
        file.oldestPath = change.from;
      } else if (change.status === "C") {
        for (const dev of devs) credit(file, dev, commit.time, month, "fa");
        file.created = true;
        this.#pathToFile.delete(change.path);
      } else if (change.status === "M" || change.status === "T") {
        for (const dev of devs) credit(file, dev, commit.time, month, "dl");
      }
      // D: the file's newest event is its deletion (see #fileFor); it credits nobody.
    }
  }

  #fileFor(path: string, exists: boolean): FileState {
    const id = this.#pathToFile.get(path);
    if (id !== undefined) return this.files.get(id) as FileState;
    const file: FileState = {
      id: this.#nextId++,
      path,
      atHead: exists,
      created: false,
      oldestPath: path,
      devs: new Map(),
    };
    this.files.set(file.id, file);
    this.#pathToFile.set(path, file.id);
    return file;
  }
}

function credit(file: FileState, dev: string, time: number, month: string, kind: "fa" | "dl"): void {
  let stats = file.devs.get(dev);
  if (!stats) {
    stats = { fa: 0, dl: 0, last: 0, months: new Map() };
    file.devs.set(dev, stats);
  }
  if (kind === "fa") stats.fa = 1;
  else stats.dl++;
  stats.last = Math.max(stats.last, time);
  stats.months.set(month, (stats.months.get(month) ?? 0) + 1);
}

/**
 * Merges a newer batch of history into an older one: each newer file whose history has no
 * creation continues the older file that was at head under its oldest path.
 */
export function mergeNewer(
  older: Map<number, FileState>,
  newer: Map<number, FileState>,
): Map<number, FileState> {
  const merged = new Map(older);
  const olderAtHead = new Map<string, FileState>();
  for (const f of older.values()) if (f.atHead) olderAtHead.set(f.path, f);
  let nextId = Math.max(0, ...older.keys()) + 1;
  for (const file of newer.values()) {
    const previous = file.created ? undefined : olderAtHead.get(file.oldestPath);
    if (!previous) {
      const id = nextId++;
      merged.set(id, { ...file, id });
      continue;
    }
    const devs = new Map<string, DevStats>();
    for (const [dev, s] of previous.devs) devs.set(dev, { ...s, months: new Map(s.months) });
    for (const [dev, s] of file.devs) {
      const d = devs.get(dev) ?? { fa: 0, dl: 0, last: 0, months: new Map() };
      d.fa = Math.max(d.fa, s.fa);
      d.dl += s.dl;
      d.last = Math.max(d.last, s.last);
      for (const [m, n] of s.months) d.months.set(m, (d.months.get(m) ?? 0) + n);
      devs.set(dev, d);
    }
    merged.set(previous.id, { ...previous, path: file.path, atHead: file.atHead, devs });
  }
  return merged;
}

export const DOA_THRESHOLD = 3.293;
export const NORMALISED_THRESHOLD = 0.75;

/** The degree of authorship of one developer. */
export function doa(fa: number, dl: number, ac: number): number {
  return 3.293 + 1.098 * fa + 0.164 * dl - 0.321 * Math.log(1 + ac);
}

/** The file's authors by the DOA rule, with each one's DOA, highest first. */
export function authorsOf(file: FileState): { dev: string; doa: number }[] {
  const total = [...file.devs.values()].reduce((sum, s) => sum + s.fa + s.dl, 0);
  const scored = [...file.devs].map(([dev, s]) => ({ dev, doa: doa(s.fa, s.dl, total - s.fa - s.dl) }));
  const max = Math.max(0, ...scored.map((s) => s.doa));
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
 */
export function truckFactor(authorsByFile: readonly (readonly string[])[]): TruckFactor {
  const files = authorsByFile.length;
  const remaining = authorsByFile.map((a) => new Set(a));
  const removed: string[] = [];
  const orphaned = () => remaining.filter((a) => a.size === 0).length;
  while (files > 0 && orphaned() <= files / 2) {
    const coverage = new Map<string, number>();
    for (const authors of remaining) for (const a of authors) coverage.set(a, (coverage.get(a) ?? 0) + 1);
    if (coverage.size === 0) break;
    const [top] = [...coverage].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0] as [
      string,
      number,
    ];
    removed.push(top);
    for (const authors of remaining) authors.delete(top);
  }
  return { value: removed.length, removed, files };
}
