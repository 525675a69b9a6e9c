/**
 * A worker thread of the organisation server's sync (see org-sync-threads.ts): `fetch` brings one
 * remote source's mirror up to date (the network, which may stall), `sync` checks the sources named,
 * already fetched, in the context of the organisation (reading git objects, no network) — so a remote
 * that stalls or a large model never holds up the server's requests. It opens its own connection to
 * the embedded store.
 */
import { parentPort, workerData } from "node:worker_threads";
import type { OrgConfig } from "../org/config.ts";
import { localRepository } from "../org/source-mirror.ts";
import { openOrgStore } from "../store/org-store.ts";
import { type SourceOutcome, syncOrganisation } from "./org-sync.ts";

export interface SyncWorkerData {
  mode: "fetch" | "sync";
  config: OrgConfig;
  database: string;
  dataDir: string;
  today: string;
  only: readonly string[];
}

export type SyncWorkerAnswer = { outcomes: SourceOutcome[] } | { error: string };

/** Fetches the one source named (a remote's mirror; a local repository is read in place): its failure, if any. */
function fetchOne(data: SyncWorkerData): SyncWorkerAnswer {
  const source = data.config.sources.find((s) => s.id === data.only[0]);
  if (!source) return { error: `no source "${data.only[0]}"` };
  try {
    localRepository(source, data.dataDir);
    return { outcomes: [] };
  } catch (error) {
    return {
      outcomes: [
        { id: source.id, status: "failed", reason: error instanceof Error ? error.message : String(error) },
      ],
    };
  }
}

async function run(data: SyncWorkerData): Promise<SyncWorkerAnswer> {
  if (data.mode === "fetch") return fetchOne(data);
  const store = await openOrgStore(data.database);
  try {
    const outcomes = await syncOrganisation({
      config: data.config,
      store,
      dataDir: data.dataDir,
      today: data.today,
      now: () => new Date().toISOString(),
      only: data.only,
      fetched: true,
    });
    return { outcomes };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  } finally {
    await store.close();
  }
}

if (parentPort) parentPort.postMessage(await run(workerData as SyncWorkerData));
