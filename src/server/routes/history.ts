/** GET /api/history: the model's health at every commit; GET /api/diff: what a change did to the team. */
import { createRoute, z } from "@hono/zod-openapi";
import { diffModel } from "../../app/diff.ts";
import { cachedModelHistory } from "../../app/history.ts";
import { DATE_SHAPE, isCalendarDate } from "../../app/input.ts";
import type { Api, ServerContext } from "../context.ts";
import { DiffView, ErrorBody, HistoryView } from "../contract.ts";

const error = (description: string) => ({
  description,
  content: { "application/json": { schema: ErrorBody } },
});
const day = z
  .string()
  .regex(DATE_SHAPE, { error: "a date written YYYY-MM-DD", abort: true })
  .refine(isCalendarDate, "not a day of the calendar")
  .optional();
const ref = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[A-Za-z0-9_][A-Za-z0-9._/~^@{}-]*$/, "a git ref (branch, tag, commit, HEAD~2)");

const historyRoute = createRoute({
  method: "get",
  path: "/api/history",
  summary:
    "The health score, its areas and what appeared or disappeared, at every commit that changed the model",
  request: {
    query: z.object({
      since: day.describe("Only commits from this day"),
      until: day.describe("Only commits up to this day"),
      max: z.coerce.number().int().min(1).max(10_000).optional().describe("Only the newest N commits"),
    }),
  },
  responses: {
    200: {
      description: "The points, oldest first",
      content: { "application/json": { schema: HistoryView } },
    },
    400: error("A bad query"),
    503: error("The model is not in a git repository"),
  },
});

const diffRoute = createRoute({
  method: "get",
  path: "/api/diff",
  summary: "What a change did to the team: findings added, resolved and changed, score, RACI cells, people",
  request: {
    query: z.object({
      base: ref.describe("The commit (or ref) before"),
      head: ref.optional().describe("The commit after; the working copy when omitted"),
    }),
  },
  responses: {
    200: { description: "The comparison", content: { "application/json": { schema: DiffView } } },
    400: error("A ref that does not exist, or a side that does not validate"),
    503: error("The model is not in a git repository"),
  },
});

export function historyRoutes(app: Api, ctx: ServerContext, today: () => string): void {
  app.openapi(historyRoute, async (c) => {
    const q = c.req.valid("query");
    const points = await cachedModelHistory({
      entry: ctx.workspace.entry,
      host: ctx.workspace.host,
      useCache: true,
      ...(q.since !== undefined ? { since: q.since } : {}),
      ...(q.until !== undefined ? { until: q.until } : {}),
      ...(q.max !== undefined ? { max: q.max } : {}),
    });
    return c.json(ctx.publicValue({ points }), 200);
  });

  app.openapi(diffRoute, async (c) => {
    const { base, head } = c.req.valid("query");
    const result = await diffModel({
      range: head === undefined ? base : `${base}..${head}`,
      entry: ctx.workspace.entry,
      host: ctx.workspace.host,
      today: today(),
    });
    return c.json(ctx.publicValue(result), 200);
  });
}
