/**
 * The evidence store: each repository's progress (the last commit mined) and its per-file
 * authorship, so that a re-run reads only the commits added since. SQLite through better-sqlite3's
 * prepared statements: the store is a local cache beside the model (or in the organisation
 * server's data folder), read at each run, so the query layer's cost counts. A file's developers
 * are read only when asked for (a re-run touches the few files its commits changed), and each
 * repository's per-file measures are kept beside its history for the next run to reuse
 * (src/store/kept-measures.ts).
 */
import type Database from "better-sqlite3";
import type { DevStats, FileState } from "../evidence/authorship.ts";
import type { MeasureCache } from "../evidence/file-facts.ts";
import type { EvidenceStore, RepoState } from "../evidence/store-port.ts";
import { KeptMeasures } from "./kept-measures.ts";
import { NameTable } from "./name-table.ts";

export type { EvidenceStore, RepoState };

/** Creates the tables when missing (inside the caller's write transaction). */
export function migrate(db: Database.Database): void {
  // Development builds kept measures in other columns: measured again.
  const columns = db
    .prepare<[], { name: string }>("SELECT name FROM pragma_table_info('measure_heads')")
    .all();
  if (columns.length > 0 && !columns.some((c) => c.name === "names"))
    db.exec("DROP TABLE measure_heads; DROP TABLE IF EXISTS file_measures;");
  // Format 6 and before had no table of names (their states are mined again anyway).
  const repoColumns = db.prepare<[], { name: string }>("SELECT name FROM pragma_table_info('repos')").all();
  if (repoColumns.length > 0 && !repoColumns.some((c) => c.name === "names"))
    db.exec("ALTER TABLE repos ADD COLUMN names TEXT NOT NULL DEFAULT '[]'");
  db.exec(`
    CREATE TABLE IF NOT EXISTS repos (
      key TEXT PRIMARY KEY,
      head TEXT NOT NULL,
      commits INTEGER NOT NULL,
      shallow INTEGER NOT NULL,
      updated_at TEXT NOT NULL,
      version INTEGER NOT NULL DEFAULT 1,
      names TEXT NOT NULL DEFAULT '[]'
    );
    CREATE TABLE IF NOT EXISTS file_history (
      repo TEXT NOT NULL,
      id INTEGER NOT NULL,
      path TEXT NOT NULL,
      at_head INTEGER NOT NULL,
      created INTEGER NOT NULL,
      oldest_path TEXT NOT NULL,
      devs TEXT NOT NULL,
      CONSTRAINT file_history_pk PRIMARY KEY (repo, id)
    );
    CREATE TABLE IF NOT EXISTS measure_heads (
      repo TEXT PRIMARY KEY,
      format INTEGER NOT NULL,
      head TEXT NOT NULL,
      fingerprint TEXT NOT NULL,
      identities TEXT NOT NULL,
      resolutions TEXT NOT NULL,
      names TEXT NOT NULL
    );
    CREATE TABLE IF NOT EXISTS file_measures (
      repo TEXT NOT NULL,
      id INTEGER NOT NULL,
      facts TEXT NOT NULL,
      CONSTRAINT file_measures_pk PRIMARY KEY (repo, id)
    );
    -- Format 3 and before kept a row per file and developer; their states are mined again anyway.
    DROP TABLE IF EXISTS authorship;
    DROP TABLE IF EXISTS files;
  `);
}

const CHUNK = 500;

/**
 * The format of the stored authorship. 2: the author alone is credited (co-authors under `co:`),
 * files are those of the commit's tree. 3: reviewers of `Reviewed-by:`-style trailers under `rv:`.
 * 4: one row per file, its developers as JSON (six times fewer rows to write and read). 5: months
 * as flat number lists (month index, count…) rather than objects keyed by "YYYY-MM". 6: identities
 * as committed (`.mailmap` is applied when measuring), history read in topological order. 7:
 * developers named by their index in the repository's table of names (numpy's rows 1.8 → 0.9 MB).
 * A state of another format is mined again.
 */
export const STORE_FORMAT = 7;

interface RepoRow {
  head: string;
  commits: number;
  shallow: number;
  version: number;
  names: string;
}

type FileRow = [id: number, path: string, atHead: number, created: number, oldestPath: string];

/** An EvidenceStore over an open SQLite database (in WAL mode; writes take the write lock first). */
export class SqliteEvidenceStore implements EvidenceStore {
  readonly #repo: Database.Statement<[string], RepoRow>;
  readonly #files: Database.Statement<[string], FileRow>;
  readonly #devs: Database.Statement<[string, number], string>;
  readonly #measures: KeptMeasures;
  readonly #save: (
    state: RepoState,
    expectedHead: string | undefined,
    changed?: ReadonlySet<number>,
  ) => boolean;

  constructor(private readonly db: Database.Database) {
    this.#repo = db.prepare<[string], RepoRow>(
      "SELECT head, commits, shallow, version, names FROM repos WHERE key = ?",
    );
    this.#files = db
      .prepare<[string], FileRow>(
        "SELECT id, path, at_head, created, oldest_path FROM file_history WHERE repo = ?",
      )
      .raw(true);
    this.#devs = db
      .prepare<[string, number], string>("SELECT devs FROM file_history WHERE repo = ? AND id = ?")
      .pluck(true);
    this.#measures = new KeptMeasures(db);
    const head = db.prepare<[string], { head: string; names: string }>(
      "SELECT head, names FROM repos WHERE key = ?",
    );
    const deleteAll = db.prepare("DELETE FROM file_history WHERE repo = ?");
    const insert = db.prepare(
      "INSERT INTO file_history (repo, id, path, at_head, created, oldest_path, devs) VALUES (?, ?, ?, ?, ?, ?, ?)",
    );
    const upsert = db.prepare(
      `INSERT INTO repos (key, head, commits, shallow, updated_at, version, names) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET head = excluded.head, commits = excluded.commits,
         shallow = excluded.shallow, updated_at = excluded.updated_at, version = excluded.version,
         names = excluded.names`,
    );
    const transaction = db.transaction(
      (state: RepoState, expectedHead: string | undefined, changed?: ReadonlySet<number>): boolean => {
        const stored = head.get(state.key);
        if (stored?.head !== expectedHead) return false;
        const ids = changed ? [...changed] : undefined;
        // Rewriting some rows: the others' indices stand, so new names are added to the stored table.
        const names = new NameTable(ids && stored ? (JSON.parse(stored.names) as string[]) : []);
        if (!ids) deleteAll.run(state.key);
        else
          for (let i = 0; i < ids.length; i += CHUNK) {
            const part = ids.slice(i, i + CHUNK);
            db.prepare(
              `DELETE FROM file_history WHERE repo = ? AND id IN (${part.map(() => "?").join(",")})`,
            ).run(state.key, ...part);
          }
        const files = ids
          ? ids.map((id) => state.files.get(id)).filter((f): f is FileState => !!f)
          : state.files.values();
        for (const f of files)
          insert.run(
            state.key,
            f.id,
            f.path,
            f.atHead ? 1 : 0,
            f.created ? 1 : 0,
            f.oldestPath,
            devsToJson(f.devs, names),
          );
        upsert.run(
          state.key,
          state.head,
          state.commits,
          state.shallow ? 1 : 0,
          new Date().toISOString(),
          STORE_FORMAT,
          JSON.stringify(names.names),
        );
        return true;
      },
    );
    // IMMEDIATE: the write lock first, so that two processes saving at once are ordered, not failed.
    this.#save = (state, expectedHead, changed) => transaction.immediate(state, expectedHead, changed);
  }

  async load(key: string): Promise<RepoState | undefined> {
    const repo = this.#repo.get(key);
    if (!repo) return undefined;
    if (repo.version !== STORE_FORMAT)
      return { key, head: repo.head, commits: 0, shallow: false, files: new Map(), outdated: true };
    const names = JSON.parse(repo.names) as string[];
    const files = new Map<number, FileState>();
    const read = (id: number) => () => devsFromJson(this.#devsOf(key, id), names);
    for (const [id, path, atHead, created, oldestPath] of this.#files.iterate(key))
      files.set(id, new StoredFile(id, path, atHead === 1, created === 1, oldestPath, read(id)));
    return { key, head: repo.head, commits: repo.commits, shallow: repo.shallow === 1, files };
  }

  #devsOf(key: string, id: number): string | undefined {
    if (!this.db.open)
      throw new StoreClosedError(
        `the evidence store ${this.db.name} was closed: read a stored state's files before closing the store it came from`,
      );
    return this.#devs.get(key, id);
  }

  async loadMeasures(key: string): Promise<MeasureCache | undefined> {
    return this.#measures.load(key);
  }

  async saveMeasures(key: string, cache: MeasureCache): Promise<void> {
    this.#measures.save(key, cache);
  }

  async save(
    state: RepoState,
    expectedHead: string | undefined,
    changed?: ReadonlySet<number>,
  ): Promise<boolean> {
    return this.#save(state, expectedHead, changed);
  }

  async close(): Promise<void> {
    this.db.close();
  }
}

/** A stored state's files read after its store was closed (a programming error of the caller). */
export class StoreClosedError extends Error {
  override name = "StoreClosedError";
}

/** A stored file whose developers are read on first use (a re-run needs those of a few files only). */
class StoredFile implements FileState {
  #devs: Map<string, DevStats> | undefined;
  constructor(
    readonly id: number,
    readonly path: string,
    readonly atHead: boolean,
    readonly created: boolean,
    readonly oldestPath: string,
    private readonly read: () => Map<string, DevStats>,
  ) {}

  get devs(): Map<string, DevStats> {
    this.#devs ??= this.read();
    return this.#devs;
  }
}

/**
 * A file's developers as one JSON array of numbers: for each, the index of its name in the
 * repository's table, FA, DL, the latest change, the length of its months list, then the list.
 */
function devsToJson(devs: ReadonlyMap<string, DevStats>, names: NameTable): string {
  const out: number[] = [];
  for (const [dev, s] of devs) {
    out.push(names.of(dev), s.fa, s.dl, s.last, s.months.length);
    for (const m of s.months) out.push(m);
  }
  return JSON.stringify(out);
}

function devsFromJson(text: string | undefined, names: readonly string[]): Map<string, DevStats> {
  const devs = new Map<string, DevStats>();
  if (text === undefined) return devs;
  const flat = JSON.parse(text) as number[];
  for (let i = 0; i < flat.length; ) {
    const count = flat[i + 4] as number;
    devs.set(names[flat[i] as number] as string, {
      fa: flat[i + 1] as number,
      dl: flat[i + 2] as number,
      last: flat[i + 3] as number,
      months: flat.slice(i + 5, i + 5 + count),
    });
    i += 5 + count;
  }
  return devs;
}
