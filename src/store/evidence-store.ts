/**
 * The evidence store: each repository's progress (the last commit mined) and its per-file
 * authorship, so that a re-run reads only the commits added since. SQLite through better-sqlite3's
 * prepared statements: the store is a local cache beside the model (or in the organisation
 * server's data folder), read whole at each run, so the query layer's cost counts.
 */
import type Database from "better-sqlite3";
import type { DevStats, FileState } from "../evidence/authorship.ts";
import type { EvidenceStore, RepoState } from "../evidence/store-port.ts";

export type { EvidenceStore, RepoState };

/** Creates the tables when missing (inside the caller's write transaction). */
export function migrate(db: Database.Database): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS repos (
      key TEXT PRIMARY KEY,
      head TEXT NOT NULL,
      commits INTEGER NOT NULL,
      shallow INTEGER NOT NULL,
      updated_at TEXT NOT NULL,
      version INTEGER NOT NULL DEFAULT 1
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
 * as committed (`.mailmap` is applied when measuring), history read in topological order.
 * A state of another format is mined again.
 */
export const STORE_FORMAT = 6;

interface RepoRow {
  head: string;
  commits: number;
  shallow: number;
  version: number;
}

type FileRow = [id: number, path: string, atHead: number, created: number, oldestPath: string, devs: string];

/** An EvidenceStore over an open SQLite database (in WAL mode; writes take the write lock first). */
export class SqliteEvidenceStore implements EvidenceStore {
  readonly #repo: Database.Statement<[string], RepoRow>;
  readonly #files: Database.Statement<[string], FileRow>;
  readonly #save: (
    state: RepoState,
    expectedHead: string | undefined,
    changed?: ReadonlySet<number>,
  ) => boolean;

  constructor(private readonly db: Database.Database) {
    this.#repo = db.prepare<[string], RepoRow>(
      "SELECT head, commits, shallow, version FROM repos WHERE key = ?",
    );
    this.#files = db
      .prepare<[string], FileRow>(
        "SELECT id, path, at_head, created, oldest_path, devs FROM file_history WHERE repo = ?",
      )
      .raw(true);
    const head = db.prepare<[string], { head: string }>("SELECT head FROM repos WHERE key = ?");
    const deleteAll = db.prepare("DELETE FROM file_history WHERE repo = ?");
    const insert = db.prepare(
      "INSERT INTO file_history (repo, id, path, at_head, created, oldest_path, devs) VALUES (?, ?, ?, ?, ?, ?, ?)",
    );
    const upsert = db.prepare(
      `INSERT INTO repos (key, head, commits, shallow, updated_at, version) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET head = excluded.head, commits = excluded.commits,
         shallow = excluded.shallow, updated_at = excluded.updated_at, version = excluded.version`,
    );
    const transaction = db.transaction(
      (state: RepoState, expectedHead: string | undefined, changed?: ReadonlySet<number>): boolean => {
        if (head.get(state.key)?.head !== expectedHead) return false;
        const ids = changed ? [...changed] : undefined;
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
            devsToJson(f.devs),
          );
        upsert.run(
          state.key,
          state.head,
          state.commits,
          state.shallow ? 1 : 0,
          new Date().toISOString(),
          STORE_FORMAT,
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
    const files = new Map<number, FileState>();
    for (const [id, path, atHead, created, oldestPath, devs] of this.#files.iterate(key))
      files.set(id, {
        id,
        path,
        atHead: atHead === 1,
        created: created === 1,
        oldestPath,
        devs: devsFromJson(devs),
      });
    return { key, head: repo.head, commits: repo.commits, shallow: repo.shallow === 1, files };
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

type StoredDev = [fa: number, dl: number, last: number, months: number[]];

function devsToJson(devs: ReadonlyMap<string, DevStats>): string {
  const out: Record<string, StoredDev> = {};
  for (const [dev, s] of devs) out[dev] = [s.fa, s.dl, s.last, s.months];
  return JSON.stringify(out);
}

function devsFromJson(text: string): Map<string, DevStats> {
  const devs = new Map<string, DevStats>();
  for (const [dev, [fa, dl, last, months]] of Object.entries(JSON.parse(text) as Record<string, StoredDev>))
    devs.set(dev, { fa, dl, last, months });
  return devs;
}
