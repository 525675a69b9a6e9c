/** GET /api/raci: the matrix; PUT /api/raci/cell: set one cell, written into the YAML keeping its comments. */
import { createRoute, z } from "@hono/zod-openapi";
import { setRaciCell } from "../../app/raci-cell.ts";
import { teamRaciMatrix } from "../../app/raci-matrix.ts";
import { type Api, type ServerContext, validModel } from "../context.ts";
import { CellSaved, ErrorBody, Matrix, RaciCellBody } from "../contract.ts";

const error = (description: string) => ({
  description,
  content: { "application/json": { schema: ErrorBody } },
});

const matrixRoute = createRoute({
  method: "get",
  path: "/api/raci",
  summary: "The RACI matrix, by role or by person, for the team or one product",
  request: {
    query: z.object({
      by: z.enum(["role", "person"]).default("role").describe("Columns: roles or people"),
      product: z.string().min(1).max(200).optional().describe("The matrix as it applies to this product"),
    }),
  },
  responses: {
    200: { description: "The matrix", content: { "application/json": { schema: Matrix } } },
    400: error("A bad query"),
    404: error("No such product"),
    409: error("The model is invalid"),
  },
});

const cellRoute = createRoute({
  method: "put",
  path: "/api/raci/cell",
  summary: "Set the letters of one cell; written to the YAML, keeping its comments and line endings",
  request: {
    headers: z.object({
      "if-match": z.string().optional().describe("The ETag the edit is based on (required: 428 without it)"),
      "x-mlteam-request": z.literal("1").describe("Proves the request is not a cross-site form"),
    }),
    body: { required: true, content: { "application/json": { schema: RaciCellBody } } },
  },
  responses: {
    200: { description: "Saved; the new ETag", content: { "application/json": { schema: CellSaved } } },
    400: error("A bad body"),
    403: error("A write from another origin, or without X-MLTeam-Request"),
    404: error("No such activity, product, role or person"),
    409: error("The model changed since the ETag, or is invalid"),
    413: error("The body is too large"),
    415: error("Not JSON"),
    428: error("No If-Match"),
  },
});

export function raciRoutes(app: Api, ctx: ServerContext): void {
  app.openapi(matrixRoute, async (c) => {
    const { by, product } = c.req.valid("query");
    const { etag, check } = await validModel(ctx);
    const matrix = teamRaciMatrix(check.graph, { by, ...(product !== undefined ? { product } : {}) });
    c.header("ETag", etag);
    return c.json({ etag, ...matrix }, 200);
  });

  if (ctx.snapshot) return; // a synced model is read-only: its edits are proposals
  app.openapi(cellRoute, async (c) => {
    const body = c.req.valid("json");
    const saved = await setRaciCell(ctx.workspace, body, c.req.valid("header")["if-match"]);
    c.header("ETag", saved.etag);
    return c.json(saved, 200);
  });
}
