/** The OpenAPI document is the API's contract: every served route is in it, with response schemas. */
import assert from "node:assert/strict";
import { it } from "node:test";
import { createApp } from "../src/server/app.ts";
import { TODAY } from "./helpers.ts";

const app = createApp({ modelPath: "examples/meghan-story", today: () => TODAY });

interface Operation {
  responses: Record<string, { content?: Record<string, { schema?: { $ref?: string; type?: string } }> }>;
}

it("lists every route the server answers, each response with a schema", async () => {
  const doc = (await (await app.request("/api/openapi.json")).json()) as {
    openapi: string;
    paths: Record<string, Record<string, Operation>>;
  };
  assert.equal(doc.openapi, "3.1.0");
  const served = app.routes
    .filter((r) => r.path.startsWith("/api/") && r.method !== "ALL" && !r.path.includes("*"))
    .filter((r) => r.path !== "/api/openapi.json")
    .map((r) => `${r.method.toLowerCase()} ${r.path.replace(/:(\w+)/g, "{$1}")}`);
  const documented = Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.keys(ops).map((method) => `${method} ${path}`),
  );
  assert.deepEqual([...new Set(served)].sort(), documented.sort(), "a route is missing from the document");
  for (const must of ["get /api/evidence", "get /api/topology.svg", "get /api/rank", "put /api/raci/cell"])
    assert.ok(documented.includes(must), must);
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      for (const [status, response] of Object.entries(op.responses)) {
        const schemas = Object.values(response.content ?? {}).map((c) => c.schema);
        assert.ok(schemas.length > 0 && schemas.every(Boolean), `${method} ${path} ${status} has no schema`);
        if (status === "200" && path !== "/api/topology.svg")
          assert.ok(
            schemas.every((s) => s?.$ref !== undefined),
            `${method} ${path} 200 should name its schema, not be a bare object`,
          );
      }
    }
  }
});
