/** Opens the embedded evidence store: SQLite in `.mlteam/evidence.db`, WAL mode, safe for several processes. */
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { Kysely, SqliteDialect } from "kysely";
import { type EvidenceStore, KyselyEvidenceStore, migrate } from "./evidence-store.ts";
import type { StoreDatabase } from "./schema.ts";

export async function openSqliteStore(file: string): Promise<EvidenceStore> {
  mkdirSync(dirname(file), { recursive: true });
  // The busy timeout first: switching a new database to WAL takes a lock that a second process
  // opening it at the same moment must wait for, not fail on.
  const database = new Database(file, { timeout: 30_000 });
  database.pragma("journal_mode = WAL");
  database.pragma("synchronous = NORMAL");
  const db = new Kysely<StoreDatabase>({ dialect: new SqliteDialect({ database }) });
  await migrateExclusively(db);
  return new KyselyEvidenceStore(db);
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
