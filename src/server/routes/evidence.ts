/** GET /api/evidence: who really does each activity, from the git history of the repositories the model lists. */
import { createRoute } from "@hono/zod-openapi";
import { NotFoundError } from "../../app/errors.ts";
import { type Api, type ServerContext, validModel } from "../context.ts";
import { ErrorBody, EvidenceView } from "../contract.ts";

const error = (description: string) => ({
  description,
  content: { "application/json": { schema: ErrorBody } },
});

const route = createRoute({
  method: "get",
  path: "/api/evidence",
  summary: "Observed contributors and truck factors per activity (the evidence the doctor checked)",
  responses: {
    200: { description: "The evidence", content: { "application/json": { schema: EvidenceView } } },
    404: error("The model lists no repositories"),
    409: error("The model is invalid"),
    503: error("A repository cannot be read"),
  },
});

export function evidenceRoutes(app: Api, ctx: ServerContext): void {
  app.openapi(route, async (c) => {
    const { check, checked } = await validModel(ctx);
    if (!check.evidence)
      throw new NotFoundError(
        "the model lists no evidence.repositories: add them (or run `mlteam evidence --repo <path>`)",
      );
    const report = check.evidence;
    const body = ctx.view(checked, "evidence", () => ctx.publicValue({ report, warnings: check.warnings }));
    return c.json(body, 200);
  });
}
