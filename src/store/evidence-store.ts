/**
 * The evidence store: each repository's progress (the last commit mined) and its per-file
 * authorship, so that a re-run reads only the commits added since. Behind this small interface;
 * the queries go through Kysely, so the same code speaks SQLite (embedded, the default) and
 * PostgreSQL.
 */
import { type Kysely, sql } from "kysely";
import type { DevStats, FileState } from "../evidence/authorship.ts";
import type { EvidenceStore, RepoState } from "../evidence/store-port.ts";

export type { EvidenceStore, RepoState };

import type { StoreDatabase } from "./schema.ts";

/** Creates the tables when missing. */
export async function migrate(db: Kysely<StoreDatabase>): Promise<void> {
  await db.schema
    .createTable("repos")
    .ifNotExists()
    .addColumn("key", "text", (c) => c.primaryKey())
    .addColumn("head", "text", (c) => c.notNull())
    .addColumn("commits", "integer", (c) => c.notNull())
    .addColumn("shallow", "integer", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createTable("file_history")
    .ifNotExists()
    .addColumn("repo", "text", (c) => c.notNull())
    .addColumn("id", "integer", (c) => c.notNull())
    .addColumn("path", "text", (c) => c.notNull())
    .addColumn("at_head", "integer", (c) => c.notNull())
    .addColumn("created", "integer", (c) => c.notNull())
    .addColumn("oldest_path", "text", (c) => c.notNull())
    .addColumn("devs", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("file_history_pk", ["repo", "id"])
    .execute();
  // Format 3 and before kept a row per file and developer; their states are mined again anyway.
  await db.schema.dropTable("authorship").ifExists().execute();
  await db.schema.dropTable("files").ifExists().execute();
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

/** An EvidenceStore over any Kysely database; `begin` starts a write transaction that excludes other writers. */
export class KyselyEvidenceStore implements EvidenceStore {
  constructor(
    private readonly db: Kysely<StoreDatabase>,
    private readonly begin: string = "BEGIN IMMEDIATE",
  ) {}

  async load(key: string): Promise<RepoState | undefined> {
    const repo = await this.db.selectFrom("repos").selectAll().where("key", "=", key).executeTakeFirst();
    if (!repo) return undefined;
    if (repo.version !== STORE_FORMAT)
      return { key, head: repo.head, commits: 0, shallow: false, files: new Map(), outdated: true };
    const files = new Map<number, FileState>();
    for (const f of await this.db.selectFrom("file_history").selectAll().where("repo", "=", key).execute()) {
      files.set(f.id, {
        id: f.id,
        path: f.path,
        atHead: f.at_head === 1,
        created: f.created === 1,
        oldestPath: f.oldest_path,
        devs: devsFromJson(f.devs),
      });
    }
    return { key, head: repo.head, commits: repo.commits, shallow: repo.shallow === 1, files };
  }

  async save(
    state: RepoState,
    expectedHead: string | undefined,
    changed?: ReadonlySet<number>,
  ): Promise<boolean> {
    const conn = this.db;
    await sql.raw(this.begin).execute(conn);
    try {
      const current = await conn
        .selectFrom("repos")
        .select("head")
        .where("key", "=", state.key)
        .executeTakeFirst();
      if ((current?.head ?? undefined) !== expectedHead) {
        await sql`ROLLBACK`.execute(conn);
        return false;
      }
      const ids = changed ? [...changed] : undefined;
      if (!ids) await conn.deleteFrom("file_history").where("repo", "=", state.key).execute();
      else
        for (let i = 0; i < ids.length; i += CHUNK)
          await conn
            .deleteFrom("file_history")
            .where("repo", "=", state.key)
            .where("id", "in", ids.slice(i, i + CHUNK))
            .execute();
      const files = ids
        ? ids.map((id) => state.files.get(id)).filter((f): f is FileState => !!f)
        : [...state.files.values()];
      const rows = files.map((f) => ({
        repo: state.key,
        id: f.id,
        path: f.path,
        at_head: f.atHead ? 1 : 0,
        created: f.created ? 1 : 0,
        oldest_path: f.oldestPath,
        devs: devsToJson(f.devs),
      }));
      for (let i = 0; i < rows.length; i += CHUNK)
        await conn
          .insertInto("file_history")
          .values(rows.slice(i, i + CHUNK))
          .execute();
      const row = {
        key: state.key,
        head: state.head,
        commits: state.commits,
        shallow: state.shallow ? 1 : 0,
        updated_at: new Date().toISOString(),
        version: STORE_FORMAT,
      };
      await conn
        .insertInto("repos")
        .values(row)
        .onConflict((oc) =>
          oc.column("key").doUpdateSet({
            head: row.head,
            commits: row.commits,
            shallow: row.shallow,
            updated_at: row.updated_at,
            version: row.version,
          }),
        )
        .execute();
      await sql`COMMIT`.execute(conn);
      return true;
    } catch (error) {
      await sql`ROLLBACK`.execute(conn).catch(() => undefined);
      throw error;
    }
  }

  async close(): Promise<void> {
    await this.db.destroy();
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
