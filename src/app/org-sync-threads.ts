/**
 * The organisation server's syncs off its request path, in worker threads (org-sync-worker.ts): each
 * remote source is fetched in a thread of its own, a few at a time, so a remote that accepts and never
 * answers delays only its own team (until git's network timeout); the sources ready (local ones at
 * once, remote ones as their fetch ends) are checked together by one thread at a time, in the context
 * of the organisation — loading the organisation's models once per batch, not once per team.
 * Requests are answered meanwhile as fast as without a sync. For the embedded store (PostgreSQL
 * shares the work through its job queue instead).
 */
import { Worker } from "node:worker_threads";
import type { OrgConfig } from "../org/config.ts";
import type { OrgStore } from "../org/store-port.ts";
import { recordFailure, type SourceOutcome } from "./org-sync.ts";
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

/** Syncs the sources named (all by default) in worker threads; outcomes in the organisation file's order. */
export async function syncInWorkers(options: ThreadedSyncOptions): Promise<SourceOutcome[]> {
  await options.store.removeTeamsExcept(options.config.sources.map((s) => s.id));
  const ids = options.config.sources
    .map((s) => s.id)
    .filter((id) => !options.only || options.only.includes(id));
  const outcomes = new Map<string, SourceOutcome>();
  const ready: string[] = [];
  const remote = new Set(options.config.sources.filter((s) => s.remote).map((s) => s.id));
  for (const id of ids) if (!remote.has(id)) ready.push(id);
  let checking: Promise<void> = Promise.resolve();
  // One batch at a time: whatever is ready when the previous batch ends.
  const check = () => {
    checking = checking.then(async () => {
      const batch = ready.splice(0);
      if (batch.length === 0) return;
      for (const o of await inWorker(options, "sync", batch)) outcomes.set(o.id, o);
      for (const id of batch)
        if (!outcomes.has(id)) outcomes.set(id, { id, status: "failed", reason: "the sync gave no outcome" });
    });
    return checking;
  };
  void check();
  const fetching = ids.filter((id) => remote.has(id));
  let next = 0;
  const lane = async () => {
    while (next < fetching.length) {
      const id = fetching[next++] as string;
      const failed = (await inWorker(options, "fetch", [id]))[0];
      if (failed) {
        // Recorded as a sync records it: the last good snapshot stays, with the reason beside it.
        const source = options.config.sources.find((s) => s.id === id);
        const previous = (await options.store.teams()).find((t) => t.id === id);
        const now = () => new Date().toISOString();
        if (source)
          await recordFailure(options.store, source, previous, failed.reason ?? "the fetch failed", { now });
        outcomes.set(id, failed);
      } else {
        ready.push(id);
        void check();
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 2) }, lane));
  await check();
  return ids.map((id) => outcomes.get(id) as SourceOutcome);
}

/** The worker thread; run from the sources, it first registers tsx as the process did (threads do not inherit loaders on Node 20). */
function startWorker(data: SyncWorkerData): Worker {
  if (!WORKER.pathname.endsWith(".ts")) return new Worker(WORKER, { workerData: data });
  const tsx = import.meta.resolve("tsx/esm/api");
  const boot = `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(WORKER.href)}); });`;
  return new Worker(boot, { eval: true, workerData: data });
}

/** Runs one worker: its outcomes, or one failed outcome per source when it stops without answering. */
function inWorker(
  options: ThreadedSyncOptions,
  mode: SyncWorkerData["mode"],
  only: string[],
): Promise<SourceOutcome[]> {
  const data: SyncWorkerData = {
    mode,
    config: options.config,
    database: options.database,
    dataDir: options.dataDir,
    today: options.today,
    only,
  };
  return new Promise((resolve) => {
    const worker = startWorker(data);
    let answered = false;
    const fail = (reason: string) => {
      if (!answered) resolve(only.map((id) => ({ id, status: "failed" as const, reason })));
      answered = true;
    };
    worker.once("message", (answer: SyncWorkerAnswer) => {
      if ("error" in answer) fail(answer.error);
      else {
        answered = true;
        resolve(answer.outcomes);
      }
    });
    worker.once("error", (error) => fail(`the sync stopped: ${error.message}`));
    worker.once("exit", (code) => fail(`the sync stopped (exit ${code})`));
  });
}
