/**
 * /teams/{id}/…: each synced team's own dashboard and API — the pages and routes of `mlteam serve`,
 * read-only, over the model files kept in the team's current snapshot (so any server of the
 * organisation answers without the repository). Edits on these pages become proposals.
 */

import { existsSync } from "node:fs";
import { join } from "node:path";
import { serveStatic } from "@hono/node-server/serve-static";
import { NotFoundError } from "../../../app/errors.ts";
import { teamSnapshotWorkspace } from "../../../app/org-team-workspace.ts";
import { type Api, makeContext } from "../../context.ts";
import { errorResponse } from "../../errors.ts";
import { createApi } from "../../openapi.ts";
import { teamModelRoutes } from "../../team-routes.ts";
import { requireRole } from "../access.ts";
import type { OrgApi, OrgContext } from "../context.ts";

const TEAM_ID = /^[a-z0-9][a-z0-9-]{0,99}$/;
/** Team APIs kept ready (each holds one checked model); the least recently built goes first. */
const KEPT = 64;

/** The API routes; mounted behind the organisation's access checks. */
export function teamApiRoutes(app: OrgApi, ctx: OrgContext): void {
  const apps = new Map<string, Api>();
  app.all("/teams/:id/api/*", async (c) => {
    const id = teamId(c.req.param("id"));
    requireRole(c, "viewer", id);
    // One small read per request (the team's head); the snapshot only when its API is not built yet.
    const head = (await ctx.store.team(id))?.head;
    let api = head ? apps.get(`${id}@${head}`) : undefined;
    if (!api) {
      const { workspace, day, origin } = await teamSnapshotWorkspace(ctx.store, id);
      const key = `${id}@${origin.commit}`;
      const teamCtx = makeContext(workspace, ".", origin);
      api = createApi();
      api.onError((error, inner) => errorResponse(error, inner, (text) => text));
      teamModelRoutes(api, teamCtx, () => day);
      apps.set(key, api);
      for (const old of apps.keys()) if (old.startsWith(`${id}@`) && old !== key) apps.delete(old);
      if (apps.size > KEPT) apps.delete(apps.keys().next().value as string);
    }
    const url = new URL(c.req.url);
    url.pathname = url.pathname.slice(`/teams/${id}`.length);
    return api.fetch(new Request(url, c.req.raw));
  });
}

/**
 * The built dashboards: the organisation's (web/org.html) at `/`, a team's (web/index.html) at
 * `/teams/{id}/`, their assets beside them. Static files only: the data comes from the APIs.
 */
export function dashboardRoutes(app: OrgApi, webRoot: string): void {
  app.get("/teams/:id", (c) => c.redirect(`/teams/${teamId(c.req.param("id"))}/`, 301));
  app.get(
    "/teams/:id/*",
    serveStatic({
      root: webRoot,
      rewriteRequestPath: (path) => {
        const rest = path.replace(/^\/teams\/[^/]+/, "");
        return rest === "/" || rest === "" ? "/index.html" : rest;
      },
    }),
  );
  app.get("/", serveStatic({ root: webRoot, path: "org.html" }));
  app.get("/assets/*", serveStatic({ root: webRoot }));
  app.get("*", (c) =>
    c.text(
      existsSync(join(webRoot, "org.html"))
        ? "not found"
        : "The dashboard is not built: run `npm run build`. The API is at /api/openapi.json.",
      404,
    ),
  );
}

function teamId(id: string): string {
  if (!TEAM_ID.test(id)) throw new NotFoundError("no such team");
  return id;
}
