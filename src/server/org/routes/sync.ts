/** POST /api/org/sync: sync now (all sources, or those named). */
import { createRoute, z } from "@hono/zod-openapi";
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
      description: "Each source's outcome",
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
    const named = body?.teams ?? [];
    for (const team of named) requireRole(c, "admin", team);
    const admin = named.length > 0 ? principalOf(c) : requireRole(c, "admin");
    await record(ctx.store, ctx.now, admin.actor, "sync-requested", { teams: body?.teams ?? "all" });
    if (ctx.queue) {
      const teams = body?.teams ?? ctx.config.sources.map((s) => s.id);
      await ctx.queue.enqueue(teams);
      return c.json({ queued: teams }, 202);
    }
    return c.json(await ctx.sync(body?.teams), 200);
  });
}
