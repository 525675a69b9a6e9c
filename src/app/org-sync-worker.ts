/**
 * A worker thread that syncs the organisation's sources named in its data (see org-sync-threads.ts):
 * git (clone, fetch, reading objects) and the checks run here, so a remote that stalls or a large
 * model never holds up the server's requests. It opens its own connection to the embedded store.
 */
import { parentPort, workerData } from "node:worker_threads";
import type { OrgConfig } from "../org/config.ts";
import { openOrgStore } from "../store/org-store.ts";
import { type SourceOutcome, syncOrganisation } from "./org-sync.ts";

export interface SyncWorkerData {
  config: OrgConfig;
  database: string;
  dataDir: string;
  today: string;
  only: readonly string[];
}

export type SyncWorkerAnswer = { outcomes: SourceOutcome[] } | { error: string };

async function run(data: SyncWorkerData): Promise<SyncWorkerAnswer> {
  const store = await openOrgStore(data.database);
  try {
    const outcomes = await syncOrganisation({
      config: data.config,
      store,
      dataDir: data.dataDir,
      today: data.today,
      now: () => new Date().toISOString(),
      only: data.only,
    });
    return { outcomes };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  } finally {
    await store.close();
  }
}

if (parentPort) parentPort.postMessage(await run(workerData as SyncWorkerData));
