/**
 * GET /api/handover/{person}: what the person holds and who should take each over (as `mlteam
 * handover --format json`); POST /api/handover/{person}/apply: writes it into the YAML, keeping its
 * comments, when If-Match is still the model's ETag (412 otherwise, nothing written). On a synced
 * snapshot (a team's pages on the organisation server) only the GET: the change is proposed there.
 */
import { createRoute, z } from "@hono/zod-openapi";
import type { HandoverReport } from "../../app/handover.ts";
import { applyWorkspaceHandover, planWorkspaceHandover } from "../../app/handover-workspace.ts";
import { calendarDateInput } from "../../app/input.ts";
import type { Api, ServerContext } from "../context.ts";
import { ErrorBody, HandoverApplied, HandoverQuery, HandoverView } from "../contract.ts";

const error = (description: string) => ({
  description,
  content: { "application/json": { schema: ErrorBody } },
});
const person = z.object({
  person: z.string().min(1).max(200).describe("The id of the person handing over"),
});

const planRoute = createRoute({
  method: "get",
  path: "/api/handover/{person}",
  summary: "What a person holds on a date, who should take each over and why, and the model after",
  request: { params: person, query: HandoverQuery },
  responses: {
    200: { description: "The handover", content: { "application/json": { schema: HandoverView } } },
    400: error("A bad date, or `to` naming the person or someone who has left"),
    404: error("No such person (with the closest ids)"),
    409: error("The model is invalid"),
  },
});

const applyRoute = createRoute({
  method: "post",
  path: "/api/handover/{person}/apply",
  summary: "Write the handover into the model's YAML files, keeping their comments and line endings",
  request: {
    params: person,
    query: HandoverQuery,
    headers: z.object({
      "if-match": z
        .string()
        .optional()
        .describe("The ETag the handover was planned on (required: 428 without it)"),
      "x-mlteam-request": z.literal("1").describe("Proves the request is not a cross-site form"),
    }),
  },
  responses: {
    200: {
      description: "Written; the files, the new ETag, the handover and the diff of the change",
      content: { "application/json": { schema: HandoverApplied } },
    },
    400: error("A bad date, or `to` naming the person or someone who has left"),
    403: error("A write from another origin, or without X-MLTeam-Request"),
    404: error("No such person (with the closest ids)"),
    409: error("The model is invalid, or changed while saving"),
    412: error("The model changed since the ETag: nothing was written"),
    415: error("Not JSON"),
    428: error("No If-Match"),
  },
});

/** The handover as the CLI's JSON shows it: without the diff, warnings only when there are some. */
function view({ diff: _diff, warnings, ...rest }: HandoverReport) {
  return { ...rest, ...(warnings.length ? { warnings } : {}) };
}

export function handoverRoutes(app: Api, ctx: ServerContext, today: () => string): void {
  const request = (person: string, q: { to?: string | undefined; date?: string | undefined }) => ({
    person,
    to: q.to,
    date: q.date === undefined ? today() : calendarDateInput("date", q.date),
  });

  app.openapi(planRoute, async (c) => {
    const { etag, plan } = await planWorkspaceHandover(
      ctx.workspace,
      request(c.req.valid("param").person, c.req.valid("query")),
    );
    c.header("ETag", etag);
    return c.json(ctx.publicValue(view(plan.report)), 200);
  });

  // A synced model is read-only: its handover is proposed as a patch (POST /api/org/teams/{id}/proposals/handover).
  if (ctx.snapshot) return;

  app.openapi(applyRoute, async (c) => {
    const { etag, applied, plan } = await applyWorkspaceHandover(
      ctx.workspace,
      request(c.req.valid("param").person, c.req.valid("query")),
      c.req.valid("header")["if-match"],
    );
    c.header("ETag", etag);
    return c.json(
      ctx.publicValue({ etag, applied, handover: view(plan.report), diff: plan.report.diff }),
      200,
    );
  });
}
