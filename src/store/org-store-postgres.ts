/** The organisation store's PostgreSQL connection (`postgres://…`): a pool, for several servers and workers sharing one database. */
import { Kysely, PostgresDialect } from "kysely";
import type { OrgDatabase } from "./org-store.ts";

export async function postgresOrgDatabase(url: string): Promise<Kysely<OrgDatabase>> {
  const { default: pg } = await import("pg");
  const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 5_000 });
  // An idle client that loses its server must not crash the process; the next query says so.
  pool.on("error", () => undefined);
  return new Kysely<OrgDatabase>({ dialect: new PostgresDialect({ pool }) });
}
