/** GET /api/org/findings and /api/org/people: what only shows across teams. */
import { createRoute, z } from "@hono/zod-openapi";
import { organisationFindingsNow, organisationPeople } from "../../../app/org-overview.ts";
import { requireRole } from "../access.ts";
import type { OrgApi, OrgContext } from "../context.ts";
import { errorResponse, OrgFindingView, PersonView } from "../contract.ts";

const findings = createRoute({
  method: "get",
  path: "/api/org/findings",
  summary:
    "Organisation-wide findings: people over-allocated across teams or a single point of failure in several, teams without sponsor or required roles, stale or broken models",
  responses: {
    200: {
      description: "The findings, errors first",
      content: { "application/json": { schema: z.array(OrgFindingView) } },
    },
    503: errorResponse("The database cannot be reached"),
  },
});

const people = createRoute({
  method: "get",
  path: "/api/org/people",
  summary: "People across teams whose name, id or e-mail contains the query",
  request: {
    query: z.object({ q: z.string().max(200).optional().describe("Part of a name, id or e-mail") }),
  },
  responses: {
    200: { description: "The people", content: { "application/json": { schema: z.array(PersonView) } } },
    503: errorResponse("The database cannot be reached"),
  },
});

export function findingRoutes(app: OrgApi, ctx: OrgContext): void {
  app.openapi(findings, async (c) => {
    requireRole(c, "viewer");
    return c.json(await organisationFindingsNow(ctx.store, ctx.today(), ctx.config.staleMonths), 200);
  });
  app.openapi(people, async (c) => {
    requireRole(c, "viewer");
    return c.json(await organisationPeople(ctx.store, c.req.valid("query").q ?? ""), 200);
  });
}
