/** GET /api/whatif: the team with people away or hires; GET /api/rank: everyone by the damage of their absence. */
import { createRoute, z } from "@hono/zod-openapi";
import { rankTeamAbsences, runWhatIf } from "../../app/what-if.ts";
import { type Api, type ServerContext, validModel } from "../context.ts";
import { ErrorBody, Ranking, WhatIfView } from "../contract.ts";

const error = (description: string) => ({
  description,
  content: { "application/json": { schema: ErrorBody } },
});
const list = z
  .string()
  .max(10_000)
  .optional()
  .transform((s) =>
    (s ?? "")
      .split(",")
      .map((x) => x.trim())
      .filter(Boolean),
  );

const whatIfRoute = createRoute({
  method: "get",
  path: "/api/whatif",
  summary: "The team with people away (or hires) against the team as it is",
  request: {
    query: z.object({
      without: list.describe("People away, comma-separated ids"),
      add: list.describe("Hypothetical hires, comma-separated role ids"),
      from: z.string().max(10).optional().describe("Start of the period, YYYY-MM-DD"),
      to: z.string().max(10).optional().describe("End of the period, YYYY-MM-DD"),
    }),
  },
  responses: {
    200: { description: "The comparison", content: { "application/json": { schema: WhatIfView } } },
    400: error("A bad scenario"),
    409: error("The model is invalid"),
  },
});

const rankRoute = createRoute({
  method: "get",
  path: "/api/rank",
  summary: "Everyone ranked by the damage of their absence; the top five with the exact health change",
  request: {
    query: z.object({
      top: z.coerce.number().int().min(1).max(100_000).optional().describe("How many to return"),
    }),
  },
  responses: {
    200: { description: "The ranking", content: { "application/json": { schema: Ranking } } },
    400: error("A bad query"),
    409: error("The model is invalid"),
  },
});

export function whatIfRoutes(app: Api, ctx: ServerContext): void {
  app.openapi(whatIfRoute, async (c) => {
    const q = c.req.valid("query");
    const { check } = await validModel(ctx);
    const { findings: _all, ...summary } = runWhatIf(check, {
      without: q.without,
      add: q.add,
      ...(q.from !== undefined ? { from: q.from } : {}),
      ...(q.to !== undefined ? { to: q.to } : {}),
    });
    return c.json(ctx.publicValue(summary), 200);
  });

  app.openapi(rankRoute, async (c) => {
    const { top } = c.req.valid("query");
    const { check, checked } = await validModel(ctx);
    const all = ctx.view(checked, "rank", () => rankTeamAbsences(check));
    return c.json({ ranking: all.ranking.slice(0, top ?? all.ranking.length), total: all.total }, 200);
  });
}
