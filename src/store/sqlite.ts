/** Opens the embedded evidence store: SQLite (`.mlteam/evidence.db` beside the model, or in the user's cache), WAL mode, safe for several processes. */
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { type EvidenceStore, migrate, SqliteEvidenceStore } from "./evidence-store.ts";

/** Whether an error is SQLite's own (a locked, damaged or full database), as better-sqlite3 raises it. */
export function isSqliteFailure(error: unknown): error is Error {
  return error instanceof Database.SqliteError;
}

export async function openSqliteStore(file: string): Promise<EvidenceStore> {
  mkdirSync(dirname(file), { recursive: true });
  const database = new Database(file, { timeout: 30_000 });
  switchToWal(database);
  database.pragma("synchronous = NORMAL");
  // In a write transaction, so that two processes creating the store do not collide.
  database.transaction(() => migrate(database)).immediate();
  return new SqliteEvidenceStore(database);
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
