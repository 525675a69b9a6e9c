/** The organisation store's embedded SQLite file (the default): WAL, safe for several processes on one machine. */
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { Kysely, SqliteDialect } from "kysely";
import type { OrgDatabase } from "./org-store.ts";

export async function sqliteOrgDatabase(file: string): Promise<Kysely<OrgDatabase>> {
  const { default: Database } = await import("better-sqlite3");
  const { switchToWal } = await import("./sqlite.ts");
  mkdirSync(dirname(file), { recursive: true });
  const database = new Database(file, { timeout: 30_000 });
  switchToWal(database);
  return new Kysely<OrgDatabase>({ dialect: new SqliteDialect({ database }) });
}
