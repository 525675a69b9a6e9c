/**
 * What the organisation's surfaces (`org sync`, `org serve`, `org worker`) share: the organisation file
 * (located errors), the database it names (or the one given, or MLTEAM_DATABASE_URL as the surface
 * read it; the embedded file beside the organisation file by default), the data folder where remote
 * repositories are mirrored, the job queue, and the configuration's record in the audit log.
 */

import { createHash, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { loadOrgConfig, type OrgConfig } from "../org/config.ts";
import { isPostgresUrl, redact } from "../org/database-url.ts";
import type { SyncQueue } from "../org/queue-port.ts";
import type { OrgStore } from "../org/store-port.ts";
import { InputError, InvalidModelError } from "./errors.ts";

export interface OrgCommandOptions {
  /** The organisation file. */
  config: string;
  /** The database named on the command line, if any. */
  db?: string;
}

export interface OrgSetup {
  config: OrgConfig;
  store: OrgStore;
  database: string;
  dataDir: string;
}

/**
 * Opens the organisation: its file, then its store. `databaseUrl` is the environment's
 * MLTEAM_DATABASE_URL, handed in by the surface.
 */
export async function openOrganisation(options: OrgCommandOptions, databaseUrl?: string): Promise<OrgSetup> {
  const loaded = loadOrgConfig(options.config);
  if (!loaded.ok) throw new InvalidModelError(loaded.diagnostics);
  const config = loaded.config;
  const dataDir = join(dirname(resolve(options.config)), ".mlteam-org");
  const named = options.db ?? databaseUrl ?? config.database;
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

/** Whether syncs go through the job queue (PostgreSQL), shared with other servers and workers. */
export const sharesWorkThroughQueue = (setup: Pick<OrgSetup, "database">) => isPostgresUrl(setup.database);

/** The database's address without its password, to print. */
export const databaseLabel = (setup: Pick<OrgSetup, "database">) => redact(setup.database);

/** The job queue in the organisation's PostgreSQL database; an InputError when it cannot be started. */
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
  clock: { today: () => string; now: () => string },
): (teamId: string) => Promise<void> {
  return async (teamId) => {
    const { syncOrganisation } = await import("./org-sync.ts");
    await syncOrganisation({ ...setup, today: clock.today(), now: clock.now, only: [teamId] });
  };
}

/** Every configuration a server starts with goes into the audit log: the file's hash, its sources, whether login is on. */
export async function recordConfigLoaded(setup: OrgSetup, file: string, now: () => string): Promise<void> {
  await setup.store.appendAccessLog({
    id: randomUUID(),
    at: now(),
    actor: "server",
    action: "config-loaded",
    detail: {
      file,
      sha256: createHash("sha256").update(readFileSync(file)).digest("hex"),
      sources: setup.config.sources.map((s) => s.id),
      login: setup.config.auth !== undefined,
    },
  });
}
