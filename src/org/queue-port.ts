/**
 * The port sync work goes through when several processes share it: sync jobs by team, taken by
 * whichever worker is free. Implemented on pg-boss over the organisation's PostgreSQL database
 * (src/store/org-queue.ts); the embedded store has no queue (one process serves and syncs).
 */
export interface SyncQueue {
  /** Queues a sync of each team (a team already queued is not queued twice); the ids of new jobs. */
  enqueue(teamIds: readonly string[]): Promise<string[]>;
  /** Takes jobs, `concurrency` at a time in this process, until stopped. */
  work(concurrency: number, sync: (teamId: string) => Promise<void>): Promise<void>;
  stop(): Promise<void>;
}
