/** GET /api/org/chart: the organisation chart, laid out. */
import { createRoute } from "@hono/zod-openapi";
import { organisationChart } from "../../../app/org-chart.ts";
import { requireRole } from "../access.ts";
import type { OrgApi, OrgContext } from "../context.ts";
import { errorResponse, OrgChartView } from "../contract.ts";

const chart = createRoute({
  method: "get",
  path: "/api/org/chart",
  summary:
    "The organisation chart: people merged across teams with whom they report to, the teams with their counts and findings, vacancies, the executive sponsors on top, allocation across teams, skills per team — laid out by ELK",
  responses: {
    200: { description: "The chart", content: { "application/json": { schema: OrgChartView } } },
    503: errorResponse("The database cannot be reached"),
  },
});

export function chartRoutes(app: OrgApi, ctx: OrgContext): void {
  app.openapi(chart, async (c) => {
    // It crosses teams (a manager in another team, a person in several): the role organisation-wide, as for people.
    requireRole(c, "viewer");
    return c.json(await organisationChart(ctx.store), 200);
  });
}
