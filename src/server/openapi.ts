/**
 * What both HTTP APIs (`mlteam serve`, `mlteam org serve`) set up alike: request validation that
 * answers 400 with the offending fields, and the OpenAPI document at /api/openapi.json with the
 * bearer-token scheme, followed by a 404 for any other /api route.
 */

import { OpenAPIHono } from "@hono/zod-openapi";
import { InputError, NotFoundError } from "../app/errors.ts";
import { VERSION } from "../version.ts";

/** An API whose invalid requests are 400s naming each field. */
export function createApi(): OpenAPIHono {
  return new OpenAPIHono({
    defaultHook: (result) => {
      if (!result.success)
        throw new InputError(
          result.error.issues.map((i) => `${i.path.join(".") || "request"}: ${i.message}`).join("; "),
        );
    },
  });
}

/** Serves the OpenAPI document of every route registered so far; other /api paths are 404s. */
export function documentApi(app: OpenAPIHono, info: { title: string; description: string }): void {
  app.openAPIRegistry.registerComponent("securitySchemes", "token", {
    type: "http",
    scheme: "bearer",
    description: "Required when the server was started with a token (always on a non-loopback host).",
  });
  app.doc31("/api/openapi.json", {
    openapi: "3.1.0",
    info: { ...info, version: VERSION },
    security: [{}, { token: [] }],
  });
  app.all("/api/*", () => {
    throw new NotFoundError("no such API route (see /api/openapi.json)");
  });
}
