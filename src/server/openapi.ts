/** The OpenAPI 3.1 document of the API, with request bodies generated from the same zod schemas the routes validate with. */
import { z } from "zod";
import { VERSION } from "../version.ts";
import { RaciCellBody } from "./schemas.ts";

const error = {
  description: "An error, explained",
  content: {
    "application/json": {
      schema: { type: "object", properties: { error: { type: "string" } }, required: ["error"] },
    },
  },
};
const json = (description: string) => ({
  description,
  content: { "application/json": { schema: { type: "object" } } },
});

export function openApiDocument(): object {
  const cell = z.toJSONSchema(RaciCellBody, { target: "openapi-3.0" });
  return {
    openapi: "3.1.0",
    info: {
      title: "mlteam",
      version: VERSION,
      description: "The team model, the doctor, what-if and the RACI of one mlteam model.",
    },
    components: {
      securitySchemes: {
        token: {
          type: "http",
          scheme: "bearer",
          description: "Required when the server was started with a token (a non-loopback host).",
        },
      },
      schemas: { RaciCell: cell },
    },
    paths: {
      "/api/model": {
        get: {
          summary: "The resolved model: people, teams, products, stakeholders, diagnostics",
          responses: { 200: json("The model; the ETag header identifies this version") },
        },
      },
      "/api/findings": {
        get: {
          summary: "The doctor's findings and the health score",
          responses: { 200: json("Findings and score"), 409: error },
        },
      },
      "/api/raci": {
        get: {
          summary: "The RACI matrix",
          parameters: [
            { name: "by", in: "query", schema: { type: "string", enum: ["role", "person"] } },
            { name: "product", in: "query", schema: { type: "string" } },
          ],
          responses: { 200: json("The matrix"), 400: error, 404: error, 409: error },
        },
      },
      "/api/raci/cell": {
        put: {
          summary: "Set the letters of one cell; written to the YAML, keeping its comments",
          parameters: [
            {
              name: "If-Match",
              in: "header",
              required: true,
              schema: { type: "string" },
              description: "The ETag the edit is based on",
            },
            {
              name: "X-MLTeam-Request",
              in: "header",
              required: true,
              schema: { type: "string", enum: ["1"] },
            },
          ],
          requestBody: {
            required: true,
            content: { "application/json": { schema: { $ref: "#/components/schemas/RaciCell" } } },
          },
          responses: {
            200: json("Saved; the new ETag"),
            400: error,
            403: error,
            404: error,
            409: error,
            415: error,
            428: error,
          },
        },
      },
      "/api/whatif": {
        get: {
          summary: "The team with people away (or hires) against the team as it is",
          parameters: ["without", "add", "from", "to"].map((name) => ({
            name,
            in: "query",
            schema: { type: "string" },
          })),
          responses: { 200: json("The comparison"), 400: error },
        },
      },
      "/api/rank": {
        get: {
          summary: "Everyone ranked by the damage of their absence",
          responses: { 200: json("The ranking") },
        },
      },
      "/api/catalog/{kind}": {
        get: {
          summary: "The built-in catalog",
          parameters: [
            {
              name: "kind",
              in: "path",
              required: true,
              schema: { type: "string", enum: ["roles", "activities", "competencies", "topologies"] },
            },
          ],
          responses: { 200: json("The entries"), 404: error },
        },
      },
    },
    security: [{}, { token: [] }],
  };
}
