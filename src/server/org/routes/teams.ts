/** GET /api/org/teams, /api/org/teams/{id} and /api/org/teams/{id}/history. */
import { createRoute, z } from "@hono/zod-openapi";
import { holds } from "../../../app/org-grants.ts";
import { organisationTeam, organisationTeamHistory, organisationTeams } from "../../../app/org-overview.ts";
import { principalOf, requireRole } from "../access.ts";
import type { OrgApi, OrgContext } from "../context.ts";
import { errorResponse, HistoryPointView, TeamDetailView, TeamSummaryView } from "../contract.ts";

const teamId = z.object({
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]*$/, "a team id")
    .max(100),
});

const list = createRoute({
  method: "get",
  path: "/api/org/teams",
  summary: "Every team with its score and finding counts, most at risk first",
  responses: {
    200: { description: "The teams", content: { "application/json": { schema: z.array(TeamSummaryView) } } },
    503: errorResponse("The database cannot be reached"),
  },
});

const one = createRoute({
  method: "get",
  path: "/api/org/teams/{id}",
  summary: "One team: its source, the last sync's outcome and its current snapshot",
  request: { params: teamId },
  responses: {
    200: { description: "The team", content: { "application/json": { schema: TeamDetailView } } },
    404: errorResponse("No such team"),
    503: errorResponse("The database cannot be reached"),
  },
});

const history = createRoute({
  method: "get",
  path: "/api/org/teams/{id}/history",
  summary: "The team's snapshots, oldest change first: how its health moved",
  request: { params: teamId },
  responses: {
    200: {
      description: "The points",
      content: { "application/json": { schema: z.array(HistoryPointView) } },
    },
    404: errorResponse("No such team"),
    503: errorResponse("The database cannot be reached"),
  },
});

export function organisationTeamsRoutes(app: OrgApi, ctx: OrgContext): void {
  app.openapi(list, async (c) => {
    const p = principalOf(c);
    const teams = await organisationTeams(ctx.store);
    if (holds(p, "viewer")) return c.json(teams, 200);
    // A role on some teams only: those teams.
    const visible = teams.filter((t) => holds(p, "viewer", t.id));
    if (p.teams.size === 0) requireRole(c, "viewer");
    return c.json(visible, 200);
  });
  app.openapi(one, async (c) => {
    const id = c.req.valid("param").id;
    requireRole(c, "viewer", id);
    return c.json(await organisationTeam(ctx.store, id), 200);
  });
  app.openapi(history, async (c) => {
    const id = c.req.valid("param").id;
    requireRole(c, "viewer", id);
    return c.json(await organisationTeamHistory(ctx.store, id), 200);
  });
}
