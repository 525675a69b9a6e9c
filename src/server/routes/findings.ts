/** GET /api/findings: the doctor's findings and health score — the same check as `mlteam doctor`. */
import { createRoute } from "@hono/zod-openapi";
import { type Api, type ServerContext, validModel } from "../context.ts";
import { ErrorBody, FindingsView, type FindingsViewT } from "../contract.ts";

const route = createRoute({
  method: "get",
  path: "/api/findings",
  summary: "The doctor's findings and the health score (with git evidence when the model lists repositories)",
  responses: {
    200: { description: "Findings and score", content: { "application/json": { schema: FindingsView } } },
    409: { description: "The model is invalid", content: { "application/json": { schema: ErrorBody } } },
    503: {
      description: "A listed repository cannot be read",
      content: { "application/json": { schema: ErrorBody } },
    },
  },
});

export function findingsRoutes(app: Api, ctx: ServerContext): void {
  app.openapi(route, async (c) => {
    const { etag, check, checked } = await validModel(ctx);
    const body = ctx.view(
      checked,
      "findings",
      (): FindingsViewT =>
        ctx.publicValue({
          etag,
          findings: check.findings,
          score: check.score,
          suppressed: check.doctor.suppressed,
          evidence: check.evidence !== undefined,
          warnings: check.warnings,
        }),
    );
    c.header("ETag", etag);
    return c.json(body, 200);
  });
}
