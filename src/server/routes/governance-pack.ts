/** GET /api/audit/{framework}: a governance framework's evidence pack, from the check the doctor made. */
import { createRoute, z } from "@hono/zod-openapi";
import { NotFoundError } from "../../app/errors.ts";
import { auditPack } from "../../app/governance-pack.ts";
import { type Api, type ServerContext, validModel } from "../context.ts";
import { AuditView, ErrorBody, FRAMEWORK_IDS } from "../contract.ts";

const error = (description: string) => ({
  description,
  content: { "application/json": { schema: ErrorBody } },
});

const route = createRoute({
  method: "get",
  path: "/api/audit/{framework}",
  summary:
    "Each clause of a framework the model lists: met, gap or not applicable, its evidence and findings (not legal advice)",
  request: { params: z.object({ framework: z.enum(FRAMEWORK_IDS) }) },
  responses: {
    200: { description: "The evidence pack", content: { "application/json": { schema: AuditView } } },
    404: error("The model does not list the framework"),
    409: error("The model is invalid"),
  },
});

export function auditRoutes(app: Api, ctx: ServerContext, today: () => string): void {
  app.openapi(route, async (c) => {
    const { framework } = c.req.valid("param");
    const { check, checked } = await validModel(ctx);
    // The check ran the rules of the frameworks the model lists: only those can be audited here.
    if (!(check.graph.organisation?.frameworks ?? []).includes(framework))
      throw new NotFoundError(
        `the model does not list ${framework} under organisation.frameworks (or run \`mlteam audit --framework ${framework}\`)`,
      );
    const body = ctx.view(checked, `audit:${framework}`, () =>
      ctx.publicValue(auditPack(check, framework, today())),
    );
    return c.json(body, 200);
  });
}
