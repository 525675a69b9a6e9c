/**
 * Sync jobs on pg-boss, in the organisation's PostgreSQL database (its own schema, `pgboss`): a job
 * per team, the queue "stately" (per team, at most one waiting and one running), retried twice on
 * failure, taken by any `org serve --workers N` or `org worker` process on any machine.
 */
import PgBoss from "pg-boss";
import type { SyncQueue } from "../org/queue-port.ts";

const QUEUE = "mlteam-org-sync";
/** Jobs fetched at once by a worker (one sync at a time within a batch). */
const BATCH = 5;

/**
 * Creates the queue unless it exists. Processes that start together on a new database (two workers
 * and a server) all find it missing and create it at once; PostgreSQL then ends the deadlock of
 * their transactions by failing one, which finds the queue there when it looks again.
 */
async function ensureQueue(boss: PgBoss): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    if (await boss.getQueue(QUEUE)) return;
    try {
      await boss.createQueue(QUEUE, { name: QUEUE, policy: "stately", retryLimit: 2, expireInMinutes: 30 });
      return;
    } catch (error) {
      if (attempt >= 5) throw error;
      await new Promise((resolve) => setTimeout(resolve, 25 * attempt + Math.random() * 50));
    }
  }
}

export async function openSyncQueue(url: string): Promise<SyncQueue> {
  const boss = new PgBoss({ connectionString: url, schedule: false, supervise: true });
  // Errors of the background maintenance must not end the process; the next job says what is wrong.
  boss.on("error", () => undefined);
  await boss.start();
  try {
    await ensureQueue(boss);
  } catch (error) {
    // Nothing of pg-boss may outlive the failure (its pool and timers would keep the process up).
    await boss.stop({ graceful: false, wait: true }).catch(() => undefined);
    throw error;
  }
  return {
    async enqueue(teamIds) {
      const ids: string[] = [];
      for (const team of teamIds) {
        const id = await boss.send(QUEUE, { team }, { singletonKey: team });
        if (id) ids.push(id);
      }
      return ids;
    },
    async work(concurrency, sync) {
      for (let i = 0; i < concurrency; i++) {
        // pg-boss waits its polling interval (half a second at least) between fetches: a worker
        // that got a full batch asks again at once, so a long queue costs no waiting.
        // Known before the first batch arrives: the worker's first fetch waits for the database.
        let id = "";
        id = await boss.work<{ team: string }>(
          QUEUE,
          { batchSize: BATCH, pollingIntervalSeconds: 0.5 },
          async (jobs) => {
            for (const job of jobs) await sync(job.data.team);
            if (jobs.length === BATCH) boss.notifyWorker(id);
          },
        );
      }
    },
    async stop() {
      await boss.stop({ graceful: true, wait: true });
    },
  };
}
