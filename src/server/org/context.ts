/** What the organisation API's routes share: the store, the configuration, the clock and the sync. */
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { SourceOutcome } from "../../app/org-sync.ts";
import type { OrgConfig } from "../../org/config.ts";
import type { SyncQueue } from "../../org/queue-port.ts";
import type { OrgStore } from "../../org/store-port.ts";

export type OrgApi = OpenAPIHono;

export interface OrgContext {
  store: OrgStore;
  config: OrgConfig;
  today: () => string;
  /** The current time, ISO 8601. */
  now: () => string;
  /** Runs a sync (one at a time: a request while one runs waits for it and gets its outcome). */
  sync: (only?: readonly string[]) => Promise<SourceOutcome[]>;
  /** With PostgreSQL: syncs go through the job queue, to whichever worker is free. */
  queue?: SyncQueue;
}
