/**
 * What the last run measured of each file (src/evidence/file-facts.ts), kept in the evidence
 * store beside the history: one row of numbers per file (indices into the repository's table of
 * names), and per repository the commit, the fingerprint of what the facts depend on, the digest of
 * the identity set and how each identity resolved. A re-run rewrites only the rows of the files it
 * measured again.
 */
import type Database from "better-sqlite3";
import type { FileFacts, MeasureCache } from "../evidence/file-facts.ts";
import type { Exclusion, Resolutions } from "../evidence/identities.ts";
import { NameTable } from "./name-table.ts";

/** The format of the kept measures; another is ignored (everything is measured again). */
export const MEASURES_FORMAT = 1;

export class KeptMeasures {
  readonly #measureHead: Database.Statement<[string, number], MeasureHead>;
  readonly #fileMeasures: Database.Statement<[string], [id: number, facts: string]>;
  readonly #save: (key: string, cache: MeasureCache) => void;
  /** The table of names of each repository's measures, as last read or written here. */
  readonly #names = new Map<string, NameTable>();

  constructor(db: Database.Database) {
    this.#measureHead = db.prepare<[string, number], MeasureHead>(
      "SELECT head, fingerprint, identities, resolutions, names FROM measure_heads WHERE repo = ? AND format = ?",
    );
    this.#fileMeasures = db
      .prepare<[string], [number, string]>("SELECT id, facts FROM file_measures WHERE repo = ?")
      .raw(true);
    const upsertHead = db.prepare(
      `INSERT INTO measure_heads (repo, format, head, fingerprint, identities, resolutions, names)
       VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (repo) DO UPDATE SET format = excluded.format, head = excluded.head,
         fingerprint = excluded.fingerprint, identities = excluded.identities,
         resolutions = excluded.resolutions, names = excluded.names`,
    );
    // The same identities: the stored resolutions stand; the commit moves, new names are added.
    const moveHead = db.prepare("UPDATE measure_heads SET head = ?, names = ? WHERE repo = ?");
    const deleteMeasures = db.prepare("DELETE FROM file_measures WHERE repo = ?");
    const deleteMeasure = db.prepare("DELETE FROM file_measures WHERE repo = ? AND id = ?");
    const insertMeasure = db.prepare("INSERT INTO file_measures (repo, id, facts) VALUES (?, ?, ?)");
    const measureKey = db.prepare<[string, number], Omit<MeasureHead, "resolutions" | "names">>(
      "SELECT head, fingerprint, identities FROM measure_heads WHERE repo = ? AND format = ?",
    );
    const saveMeasures = db.transaction((key: string, cache: MeasureCache) => {
      // Only the changed rows, when the stored ones are those the cache was derived from (and this
      // store read them, so it holds their table of names).
      const stored = measureKey.get(key, MEASURES_FORMAT);
      const base = cache.derivedFrom;
      const read = this.#names.get(key);
      const partial =
        base !== undefined &&
        read !== undefined &&
        stored !== undefined &&
        stored.head === base.head &&
        stored.fingerprint === base.fingerprint &&
        stored.identities === base.identities;
      const names = partial ? read : new NameTable();
      if (partial)
        for (const id of base.changed) {
          deleteMeasure.run(key, id);
          const facts = cache.files.get(id);
          if (facts) insertMeasure.run(key, id, factsToJson(facts, names));
        }
      else {
        deleteMeasures.run(key);
        for (const [id, facts] of cache.files) insertMeasure.run(key, id, factsToJson(facts, names));
      }
      if (partial && stored.identities === cache.identities) {
        moveHead.run(cache.head, JSON.stringify(names.names), key);
        return;
      }
      const resolutions: StoredResolution[] = cache.resolutions.map(([text, id, person, reason]) => [
        names.of(text),
        id === null ? -1 : names.of(id),
        person ? 1 : 0,
        reason,
      ]);
      upsertHead.run(
        key,
        MEASURES_FORMAT,
        cache.head,
        cache.fingerprint,
        cache.identities,
        JSON.stringify(resolutions),
        JSON.stringify(names.names),
      );
      this.#names.set(key, names);
    });
    this.#save = (key, cache) => saveMeasures.immediate(key, cache);
  }

  load(key: string): MeasureCache | undefined {
    const head = this.#measureHead.get(key, MEASURES_FORMAT);
    if (!head) return undefined;
    const names = new NameTable(JSON.parse(head.names) as string[]);
    const files = new Map<number, FileFacts>();
    for (const [id, facts] of this.#fileMeasures.iterate(key))
      files.set(id, factsFromJson(facts, names.names));
    const resolutions: Resolutions = (JSON.parse(head.resolutions) as StoredResolution[]).map(
      ([text, id, person, reason]) => [
        names.names[text] as string,
        id < 0 ? null : (names.names[id] as string),
        person === 1,
        reason,
      ],
    );
    this.#names.set(key, names);
    return {
      head: head.head,
      fingerprint: head.fingerprint,
      identities: head.identities,
      files,
      resolutions,
    };
  }

  /** Keeps `cache`: only its changed rows when the stored measures are those it was derived from. */
  save(key: string, cache: MeasureCache): void {
    this.#save(key, cache);
  }
}

interface MeasureHead {
  head: string;
  fingerprint: string;
  identities: string;
  resolutions: string;
  names: string;
}

type StoredResolution = [text: number, id: number, person: number, reason: Exclusion["reason"] | null];

/**
 * A file's measures as a JSON array of indices into the names (activity -1: none): [path, kept,
 * activity, raws, authors, reviewers, devs (id, person, changes, recent, last…), reviewed (id,
 * person, reviews, last…)].
 */
type StoredFacts = [
  path: number,
  kept: number,
  activity: number,
  raws: number[],
  authors: number[],
  reviewers: number[],
  devs: number[],
  reviewed: number[],
];

function factsToJson(f: FileFacts, names: NameTable): string {
  const of = (name: string) => names.of(name);
  const devs: number[] = [];
  for (const d of f.devs) devs.push(of(d.id), d.person ? 1 : 0, d.changes, d.recent, d.last);
  const reviewed: number[] = [];
  for (const r of f.reviewed) reviewed.push(of(r.id), r.person ? 1 : 0, r.reviews, r.last);
  const stored: StoredFacts = [
    of(f.path),
    f.kept ? 1 : 0,
    f.activity === undefined ? -1 : of(f.activity),
    f.raws.map(of),
    f.authors.map(of),
    f.reviewers.map(of),
    devs,
    reviewed,
  ];
  return JSON.stringify(stored);
}

function factsFromJson(text: string, names: readonly string[]): FileFacts {
  const [path, kept, activity, raws, authors, reviewers, devs, reviewed] = JSON.parse(text) as StoredFacts;
  const name = (index: number) => names[index] as string;
  const facts: FileFacts = {
    path: name(path),
    raws: raws.map(name),
    kept: kept === 1,
    authors: authors.map(name),
    reviewers: reviewers.map(name),
    devs: [],
    reviewed: [],
  };
  if (activity >= 0) facts.activity = name(activity);
  for (let i = 0; i < devs.length; i += 5)
    facts.devs.push({
      id: name(devs[i] as number),
      person: devs[i + 1] === 1,
      changes: devs[i + 2] as number,
      recent: devs[i + 3] as number,
      last: devs[i + 4] as number,
    });
  for (let i = 0; i < reviewed.length; i += 4)
    facts.reviewed.push({
      id: name(reviewed[i] as number),
      person: reviewed[i + 1] === 1,
      reviews: reviewed[i + 2] as number,
      last: reviewed[i + 3] as number,
    });
  return facts;
}
