/** GET /api/catalog/{kind}: the built-in roles, activities, competencies or topologies, each with its source. */
import { createRoute, z } from "@hono/zod-openapi";
import { catalogEntries } from "../../app/catalog.ts";
import { NotFoundError } from "../../app/errors.ts";
import type { Api } from "../context.ts";
import { CATALOG_KINDS, CatalogEntries, ErrorBody } from "../contract.ts";

const route = createRoute({
  method: "get",
  path: "/api/catalog/{kind}",
  summary: "The built-in catalog",
  request: { params: z.object({ kind: z.enum(CATALOG_KINDS) }) },
  responses: {
    200: { description: "The entries", content: { "application/json": { schema: CatalogEntries } } },
    404: { description: "No such catalog", content: { "application/json": { schema: ErrorBody } } },
  },
});

export function catalogRoutes(app: Api): void {
  app.openapi(
    route,
    (c) => {
      // Catalog entries are plain data; the contract lists the fields every kind shares.
      const entries = catalogEntries(c.req.valid("param").kind) as unknown as z.infer<typeof CatalogEntries>;
      return c.json(entries, 200);
    },
    (result) => {
      // A path that names no catalog is a resource that does not exist.
      if (!result.success) throw new NotFoundError(`no such catalog (${CATALOG_KINDS.join(", ")})`);
    },
  );
}
