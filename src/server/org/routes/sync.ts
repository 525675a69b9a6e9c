/** POST /api/org/sync: sync now (all sources, or those named); the answer lists only those. */
import { createRoute, z } from "@hono/zod-openapi";
import { holds } from "../../../app/org-grants.ts";
import { principalOf, record, requireRole } from "../access.ts";
import type { OrgApi, OrgContext } from "../context.ts";
import { errorResponse, SyncOutcomeView } from "../contract.ts";

const sync = createRoute({
  method: "post",
  path: "/api/org/sync",
  summary:
    "Sync the sources now: in this process with the embedded store (each one's outcome; one sync at a time), or queued for the workers with PostgreSQL",
  request: {
    body: {
      required: false,
      content: {
        "application/json": {
          schema: z.object({ teams: z.array(z.string().max(100)).max(1000).optional() }),
        },
      },
    },
  },
  responses: {
    200: {
      description:
        "Each source's outcome: those named (all for an organisation admin's full sync), also when the request joined a sync already running",
      content: { "application/json": { schema: z.array(SyncOutcomeView) } },
    },
    202: {
      description: "Queued for the workers (a PostgreSQL store): the teams queued",
      content: { "application/json": { schema: z.object({ queued: z.array(z.string()) }) } },
    },
    400: errorResponse("A bad body"),
    403: errorResponse("Not an admin"),
    503: errorResponse("The database cannot be reached"),
  },
});

export function syncRoutes(app: OrgApi, ctx: OrgContext): void {
  app.openapi(sync, async (c) => {
    const body = c.req.valid("json") as { teams?: string[] } | undefined;
    // The whole organisation needs its admin; named teams, an admin of each (or of the organisation).
    const named = [...new Set(body?.teams ?? [])];
    for (const team of named) requireRole(c, "admin", team);
    const admin = named.length > 0 ? principalOf(c) : requireRole(c, "admin");
    const only = body?.teams ? named : undefined;
    await record(ctx.store, ctx.now, admin.actor, "sync-requested", { teams: only ?? "all" });
    if (ctx.queue) {
      const teams = only ?? ctx.config.sources.map((s) => s.id);
      await ctx.queue.enqueue(teams);
      return c.json({ queued: teams }, 202);
    }
    // Only what was asked (ctx.sync answers that, also when it joins a sync running), and of that
    // only what the caller may see.
    const outcomes = await ctx.sync(only);
    return c.json(
      outcomes.filter((o) => holds(admin, "viewer", o.id)),
      200,
    );
  });
}
