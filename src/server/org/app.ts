/**
 * The organisation server's HTTP API: the teams, their snapshots and history, the organisation-wide
 * findings and people across teams, and a sync on demand — read-only for the models themselves,
 * which stay in git. The same defences as `mlteam serve` (Host check against DNS rebinding, writes
 * from the own origin with JSON and X-MLTeam-Request, a token off loopback); a database that
 * cannot be reached answers 503 and recovers by itself.
 */

import { join, resolve } from "node:path";
import type { OpenAPIHono } from "@hono/zod-openapi";
import { AppError, ForbiddenError, UnauthorisedError } from "../../app/errors.ts";
import { type SourceOutcome, syncOrganisation } from "../../app/org-sync.ts";
import { syncInWorkers } from "../../app/org-sync-threads.ts";
import type { OrgConfig } from "../../org/config.ts";
import type { SyncQueue } from "../../org/queue-port.ts";
import type { OrgStore } from "../../org/store-port.ts";
import { packageRoot } from "../../package-root.ts";
import { errorResponse } from "../errors.ts";
import { createApi, documentApi } from "../openapi.ts";
import {
  decodableUrl,
  type HostPolicy,
  headers,
  hostCheck,
  limitBody,
  plainTextBody,
  writeCheck,
} from "../security.ts";
import { access, recordRefusal } from "./access.ts";
import type { OrgContext } from "./context.ts";
import { accessRoutes } from "./routes/access.ts";
import { assignmentRoutes } from "./routes/assignments.ts";
import { chartRoutes } from "./routes/chart.ts";
import { findingRoutes } from "./routes/findings.ts";
import { loginRoutes, logoutRoute } from "./routes/login.ts";
import { proposalRoutes } from "./routes/proposals.ts";
import { syncRoutes } from "./routes/sync.ts";
import { dashboardRoutes, teamApiRoutes } from "./routes/team-pages.ts";
import { organisationTeamsRoutes } from "./routes/teams.ts";

export interface OrgAppOptions extends HostPolicy {
  store: OrgStore;
  config: OrgConfig;
  /** Where remote repositories are mirrored. */
  dataDir: string;
  today: () => string;
  now?: () => string;
  token?: string;
  /** The OpenID Connect client secret, when the organisation file configures a login. */
  clientSecret?: string;
  /** Where the built dashboards are (dist/web by default). */
  webRoot?: string;
  /**
   * The embedded store's file: syncs then run in worker threads that open it (a stalled remote never
   * holds up a request). Without it they run in this thread (tests that hand in a store of their own).
   */
  embeddedDatabase?: string;
  /** The job queue (PostgreSQL): POST /api/org/sync queues instead of syncing in this process. */
  queue?: SyncQueue;
}

export interface OrgApp {
  app: OpenAPIHono;
  /**
   * Syncs the sources named (all by default) and answers their outcomes only: joins the sync
   * running when it covers them, else waits for it to end and runs one.
   */
  sync: (only?: readonly string[]) => Promise<SourceOutcome[]>;
}

interface RunningSync {
  /** The sources it syncs (all when absent). */
  only?: readonly string[];
  outcomes: Promise<SourceOutcome[]>;
}

/** Whether a running sync syncs every source `only` names (all sources when absent). */
function coveredBy(run: RunningSync, only: readonly string[] | undefined): boolean {
  if (run.only === undefined) return true;
  if (only === undefined) return false;
  const syncing = run.only;
  return only.every((id) => syncing.includes(id));
}

/** One pass over the sources named: in worker threads with the embedded store's file, else in this thread. */
function runSync(options: OrgAppOptions, now: () => string, only: readonly string[] | undefined) {
  if (options.embeddedDatabase !== undefined)
    return syncInWorkers({
      config: options.config,
      store: options.store,
      database: options.embeddedDatabase,
      dataDir: options.dataDir,
      today: options.today(),
      ...(only ? { only } : {}),
    });
  return syncOrganisation({
    config: options.config,
    store: options.store,
    dataDir: options.dataDir,
    today: options.today(),
    now,
    ...(only ? { only } : {}),
  });
}

/**
 * The server's sync: one at a time; a request joins the running one when it covers what is asked,
 * else waits for it to end and runs its own; each answer holds only what was asked.
 */
function serialisedSync(options: OrgAppOptions, now: () => string): OrgApp["sync"] {
  let running: RunningSync | undefined;
  return async (only) => {
    while (running && !coveredBy(running, only)) await running.outcomes.catch(() => undefined);
    if (!running) {
      const run: RunningSync = {
        ...(only ? { only } : {}),
        outcomes: runSync(options, now, only).finally(() => {
          if (running === run) running = undefined;
        }),
      };
      running = run;
    }
    const outcomes = await running.outcomes;
    // A joined sync's answer holds only what was asked (the caller may see no more).
    return only ? outcomes.filter((o) => only.includes(o.id)) : outcomes;
  };
}

export function createOrgApp(options: OrgAppOptions): OrgApp {
  const now = options.now ?? (() => new Date().toISOString());
  const sync = serialisedSync(options, now);
  const ctx: OrgContext = {
    store: options.store,
    config: options.config,
    today: options.today,
    now,
    sync,
    ...(options.queue ? { queue: options.queue } : {}),
  };
  const app = createApi();
  app.onError(async (error, c) => {
    // A failure of the database itself is a 503 the client may retry, not an internal error.
    if (!(error instanceof AppError) && !(await options.store.ping()))
      return c.json({ error: "the database cannot be reached; try again shortly" }, 503);
    // Every refusal is logged (a log that cannot be written does not change the answer).
    if (error instanceof UnauthorisedError || error instanceof ForbiddenError)
      await recordRefusal(c, { store: options.store, now }, error).catch(() => undefined);
    return errorResponse(error, c, (text) => text);
  });
  app.use("*", headers);
  app.use("*", hostCheck(options));
  app.use("*", decodableUrl);
  const guard = access({
    store: options.store,
    login: options.config.auth !== undefined,
    ...(options.token !== undefined ? { staticToken: options.token } : {}),
    now,
  });
  app.use("/api/*", writeCheck, limitBody, guard, plainTextBody);
  app.use("/teams/:id/api/*", writeCheck, limitBody, guard, plainTextBody);
  app.use("/auth/logout", writeCheck, guard);
  if (options.config.auth) {
    loginRoutes(app, {
      auth: options.config.auth,
      store: options.store,
      now,
      clientSecret: options.clientSecret ?? "",
    });
    logoutRoute(app, { store: options.store, now });
  }
  organisationTeamsRoutes(app, ctx);
  accessRoutes(app, ctx);
  assignmentRoutes(app, ctx);
  proposalRoutes(app, ctx);
  findingRoutes(app, ctx);
  chartRoutes(app, ctx);
  syncRoutes(app, ctx);
  teamApiRoutes(app, ctx);
  documentApi(app, {
    title: "mlteam organisation",
    description:
      "Every team's model of one organisation, as synced from git: teams ranked by risk, organisation-wide findings, history, people across teams. Writes need JSON and the header X-MLTeam-Request: 1.",
  });
  dashboardRoutes(app, resolve(options.webRoot ?? join(packageRoot(), "dist", "web")));
  return { app, sync };
}
