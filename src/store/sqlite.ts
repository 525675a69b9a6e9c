/** Opens the embedded evidence store: SQLite in `.mlteam/evidence.db`, WAL mode, safe for several processes. */
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { Kysely, SqliteDialect } from "kysely";
import { type EvidenceStore, KyselyEvidenceStore, migrate } from "./evidence-store.ts";
import type { StoreDatabase } from "./schema.ts";

export async function openSqliteStore(file: string): Promise<EvidenceStore> {
  mkdirSync(dirname(file), { recursive: true });
  const database = new Database(file, { timeout: 30_000 });
  switchToWal(database);
  database.pragma("synchronous = NORMAL");
  const db = new Kysely<StoreDatabase>({ dialect: new SqliteDialect({ database }) });
  await migrateExclusively(db);
  return new KyselyEvidenceStore(db);
}

/**
 * Puts the database in WAL mode. Switching takes an exclusive lock, and when a second process opens
 * the new database at the same moment SQLite answers "busy" without waiting (its busy handler is
 * not called there, to avoid a deadlock): so wait and try again, for as long as the busy timeout.
 */
export function switchToWal(database: Database.Database): void {
  const deadline = Date.now() + 30_000;
  for (let pause = 5; ; pause = Math.min(pause * 2, 200)) {
    try {
      database.pragma("journal_mode = WAL");
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== "SQLITE_BUSY" || Date.now() > deadline) throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, pause);
    }
  }
}

/** Runs the migration inside a write transaction, so two processes creating the store do not collide. */
async function migrateExclusively(db: Kysely<StoreDatabase>): Promise<void> {
  const { sql } = await import("kysely");
  await sql`BEGIN IMMEDIATE`.execute(db);
  try {
    await migrate(db);
    await sql`COMMIT`.execute(db);
  } catch (error) {
    await sql`ROLLBACK`.execute(db).catch(() => undefined);
    throw error;
  }
}
