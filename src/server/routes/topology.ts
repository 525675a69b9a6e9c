/** GET /api/topology.svg: the teams, who serves whom, drawn as SVG (the same drawing as the docs site). */
import { createRoute, z } from "@hono/zod-openapi";
import { topologySvg } from "../../render/docs-site/topology-svg.ts";
import { type Api, type ServerContext, validModel } from "../context.ts";
import { ErrorBody } from "../contract.ts";

const route = createRoute({
  method: "get",
  path: "/api/topology.svg",
  summary: "The topology as an SVG drawing (model strings escaped)",
  responses: {
    200: { description: "The drawing", content: { "image/svg+xml": { schema: z.string() } } },
    409: { description: "The model is invalid", content: { "application/json": { schema: ErrorBody } } },
  },
});

export function topologyRoutes(app: Api, ctx: ServerContext): void {
  app.openapi(route, async (c) => {
    const { check } = await validModel(ctx);
    return c.body(await topologySvg(check.graph), 200, { "content-type": "image/svg+xml; charset=utf-8" });
  });
}
