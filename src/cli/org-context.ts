/**
 * What the `org` commands share: the organisation file (located errors, exit 2), the database it
 * names (or --db, or MLTEAM_DATABASE_URL; the embedded file beside the organisation file by
 * default), and the data folder where remote repositories are mirrored. Loaded by the commands'
 * actions only (it brings the schema), so `mlteam --version` does not pay for it.
 */

import { dirname, join, resolve } from "node:path";
import { InputError, InvalidModelError } from "../app/errors.ts";
import { loadOrgConfig, type OrgConfig } from "../org/config.ts";
import { isPostgresUrl, redact } from "../org/database-url.ts";
import type { SyncQueue } from "../org/queue-port.ts";
import type { OrgStore } from "../org/store-port.ts";
import { today } from "./today.ts";

export interface OrgCommandOptions {
  config: string;
  db?: string;
}

export interface OrgSetup {
  config: OrgConfig;
  store: OrgStore;
  database: string;
  dataDir: string;
}

export async function openOrganisation(options: OrgCommandOptions): Promise<OrgSetup> {
  const loaded = loadOrgConfig(options.config);
  if (!loaded.ok) throw new InvalidModelError(loaded.diagnostics);
  const config = loaded.config;
  const dataDir = join(dirname(resolve(options.config)), ".mlteam-org");
  const named = options.db ?? process.env.MLTEAM_DATABASE_URL ?? config.database;
  const database =
    named === undefined
      ? join(dataDir, "org.db")
      : isPostgresUrl(named)
        ? named
        : resolve(dirname(resolve(options.config)), named);
  const { openOrgStore } = await import("../store/org-store.ts");
  try {
    return { config, store: await openOrgStore(database), database, dataDir };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new InputError(`the database ${redact(database)} cannot be opened: ${reason}`);
  }
}

/** The job queue in the organisation's PostgreSQL database; exit 2 when it cannot be started. */
export async function openQueue(database: string): Promise<SyncQueue> {
  const { openSyncQueue } = await import("../store/org-queue.ts");
  try {
    return await openSyncQueue(database);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new InputError(`the job queue in ${redact(database)} cannot be started: ${reason}`);
  }
}

/** What a worker does with one job: sync that team, as `org sync --team` would. */
export function syncTeam(
  setup: Pick<OrgSetup, "config" | "store" | "dataDir">,
): (teamId: string) => Promise<void> {
  return async (teamId) => {
    const { syncOrganisation } = await import("../app/org-sync.ts");
    await syncOrganisation({
      ...setup,
      today: today(),
      now: () => new Date().toISOString(),
      only: [teamId],
    });
  };
}

/** Runs `close` once on SIGINT or SIGTERM, then exits: the job or request in hand is finished first. */
export function closeOnSignal(close: () => Promise<void>): void {
  const stop = () => {
    void close().finally(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}
