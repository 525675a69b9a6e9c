/**
 * Sync jobs on pg-boss, in the organisation's PostgreSQL database (its own schema, `pgboss`): a job
 * per team, the queue "stately" (per team, at most one waiting and one running), retried twice on
 * failure, taken by any `org serve --workers N` or `org worker` process on any machine.
 */
import PgBoss from "pg-boss";
import type { SyncQueue } from "../org/queue-port.ts";

const QUEUE = "mlteam-org-sync";

export async function openSyncQueue(url: string): Promise<SyncQueue> {
  const boss = new PgBoss({ connectionString: url, schedule: false, supervise: true });
  // Errors of the background maintenance must not end the process; the next job says what is wrong.
  boss.on("error", () => undefined);
  await boss.start();
  if (!(await boss.getQueue(QUEUE)))
    await boss.createQueue(QUEUE, { name: QUEUE, policy: "stately", retryLimit: 2, expireInMinutes: 30 });
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
      for (let i = 0; i < concurrency; i++)
        await boss.work<{ team: string }>(
          QUEUE,
          { batchSize: 1, pollingIntervalSeconds: 0.5 },
          async ([job]) => {
            if (job) await sync(job.data.team);
          },
        );
    },
    async pending() {
      return boss.getQueueSize(QUEUE, { before: "completed" });
    },
    async stop() {
      await boss.stop({ graceful: true, wait: true });
    },
  };
}
