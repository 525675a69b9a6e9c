/**
 * The organisation server's syncs off its request path: each source is synced in a worker thread of
 * its own (org-sync-worker.ts), a few at a time, so a remote that accepts and never answers delays only
 * its own team (until git's network timeout), and requests are answered meanwhile as fast as without
 * a sync. For the embedded store (PostgreSQL shares the work through its job queue instead).
 */
import { Worker } from "node:worker_threads";
import type { OrgConfig } from "../org/config.ts";
import type { OrgStore } from "../org/store-port.ts";
import type { SourceOutcome } from "./org-sync.ts";
import type { SyncWorkerAnswer, SyncWorkerData } from "./org-sync-worker.ts";

export interface ThreadedSyncOptions {
  config: OrgConfig;
  /** The store, for what the organisation does once (drop the teams no longer listed). */
  store: OrgStore;
  /** The embedded store's file, which each worker opens for itself. */
  database: string;
  dataDir: string;
  today: string;
  only?: readonly string[];
  /** How many sources sync at once (default 2). */
  concurrency?: number;
}

// Built, the worker is a file of its own beside the code that starts it (scripts/bundle-cli.mjs); run
// from the sources (tests, tsx), it is the TypeScript file, loaded by the loader the thread inherits.
const WORKER = new URL(
  import.meta.url.endsWith(".ts") ? "./org-sync-worker.ts" : "./org-sync-worker.js",
  import.meta.url,
);

/** Syncs the sources named (all by default), each in its own worker thread; outcomes in the organisation file's order. */
export async function syncInWorkers(options: ThreadedSyncOptions): Promise<SourceOutcome[]> {
  await options.store.removeTeamsExcept(options.config.sources.map((s) => s.id));
  const ids = options.config.sources
    .map((s) => s.id)
    .filter((id) => !options.only || options.only.includes(id));
  const outcomes = new Map<string, SourceOutcome>();
  let next = 0;
  const lane = async () => {
    while (next < ids.length) {
      const id = ids[next++] as string;
      outcomes.set(id, await syncOneInWorker(options, id));
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 2) }, lane));
  return ids.map((id) => outcomes.get(id) as SourceOutcome);
}

/** The worker thread; run from the sources, it first registers tsx as the process did (threads do not inherit loaders on Node 20). */
function startWorker(data: SyncWorkerData): Worker {
  if (!WORKER.pathname.endsWith(".ts")) return new Worker(WORKER, { workerData: data });
  const tsx = import.meta.resolve("tsx/esm/api");
  const boot = `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(WORKER.href)}); });`;
  return new Worker(boot, { eval: true, workerData: data });
}

function syncOneInWorker(options: ThreadedSyncOptions, id: string): Promise<SourceOutcome> {
  const data: SyncWorkerData = {
    config: options.config,
    database: options.database,
    dataDir: options.dataDir,
    today: options.today,
    only: [id],
  };
  return new Promise((resolve) => {
    const worker = startWorker(data);
    let answered = false;
    const fail = (reason: string) => {
      if (!answered) resolve({ id, status: "failed", reason });
      answered = true;
    };
    worker.once("message", (answer: SyncWorkerAnswer) => {
      if ("error" in answer) fail(answer.error);
      else {
        answered = true;
        resolve(answer.outcomes[0] ?? { id, status: "failed", reason: "the sync gave no outcome" });
      }
    });
    worker.once("error", (error) => fail(`the sync stopped: ${error.message}`));
    worker.once("exit", (code) => fail(`the sync stopped (exit ${code})`));
  });
}
