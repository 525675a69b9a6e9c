/**
 * GET /api/org/me; API tokens (an admin of the organisation, or of the teams a token is on): create,
 * list, revoke; the audit log (auditor, admin).
 */

import { createRoute, z } from "@hono/zod-openapi";
import { ACCESS_LOG_FORMATS, exportAccessLog } from "../../../app/org-access-log.ts";
import { grantText } from "../../../app/org-grants.ts";
import { createApiToken, listApiTokens, MAX_TOKEN_DAYS, revokeApiToken } from "../../../app/org-tokens.ts";
import { principalOf } from "../access.ts";
import type { OrgApi, OrgContext } from "../context.ts";
import { errorResponse, GrantText, MeView, TokenView } from "../contract.ts";

const AuditView = z
  .object({
    id: z.string(),
    at: z.string(),
    actor: z.string(),
    action: z.string(),
    detail: z.record(z.string(), z.unknown()),
  })
  .openapi("OrgAuditEntry");

const me = createRoute({
  method: "get",
  path: "/api/org/me",
  summary: "Who this request is, its roles, and (for a browser session) the CSRF token its writes send",
  responses: {
    200: {
      description: "The caller",
      content: {
        "application/json": {
          schema: MeView,
        },
      },
    },
    401: errorResponse("Not signed in"),
  },
});

const createToken = createRoute({
  method: "post",
  path: "/api/org/tokens",
  summary:
    "Create an API token (admin of the organisation or of each team its roles are on): shown once, stored hashed, scoped to roles you hold, expiring no later than the token creating it",
  request: {
    body: {
      content: {
        "application/json": {
          schema: z.object({
            name: z.string().min(1).max(100),
            roles: z.array(GrantText).min(1).max(50),
            expiresInDays: z
              .number()
              .int()
              .min(1)
              .max(MAX_TOKEN_DAYS)
              .default(90)
              .describe("Cut to the creating token's expiry, when a token creates it"),
          }),
        },
      },
    },
  },
  responses: {
    201: {
      description: "The token (the only time it is shown)",
      content: { "application/json": { schema: TokenView.extend({ token: z.string() }) } },
    },
    403: errorResponse("Not an admin of what the token is scoped to, or a role the caller does not hold"),
  },
});

const listTokens = createRoute({
  method: "get",
  path: "/api/org/tokens",
  summary:
    "The API tokens the caller manages, without their secrets: all for an organisation admin; for a team's admin, those whose every role is on a team they administer",
  responses: {
    200: { description: "The tokens", content: { "application/json": { schema: z.array(TokenView) } } },
    403: errorResponse("An admin of nothing"),
  },
});

const revokeToken = createRoute({
  method: "delete",
  path: "/api/org/tokens/{id}",
  summary: "Revoke an API token the caller manages, and every token it created (transitively)",
  request: { params: z.object({ id: z.string().uuid() }) },
  responses: {
    200: {
      description: "Revoked",
      content: { "application/json": { schema: z.object({ revoked: z.string() }) } },
    },
    403: errorResponse("An admin of nothing"),
    404: errorResponse("No such token the caller manages, or already revoked"),
  },
});

const auditLog = createRoute({
  method: "get",
  path: "/api/org/audit",
  summary:
    "The audit log, newest first (auditor or admin): logins, token changes, sync requests, exports, refusals",
  request: {
    query: z.object({
      limit: z.coerce.number().int().min(1).max(10_000).default(1000),
      format: z.enum(ACCESS_LOG_FORMATS).default("json"),
    }),
  },
  responses: {
    200: {
      description: "The entries (JSON, or CSV with format=csv)",
      content: { "application/json": { schema: z.array(AuditView) }, "text/csv": { schema: z.string() } },
    },
    403: errorResponse("Neither auditor nor admin"),
  },
});

export function accessRoutes(app: OrgApi, ctx: OrgContext): void {
  app.openapi(me, (c) => {
    const p = principalOf(c);
    return c.json(
      {
        actor: p.actor,
        roles: [...p.roles],
        teams: Object.fromEntries([...p.teams].map(([team, roles]) => [team, [...roles]])),
        grants: p.grants.map(grantText),
        via: p.via,
        ...(p.csrf ? { csrf: p.csrf } : {}),
      },
      200,
    );
  });

  app.openapi(createToken, async (c) => {
    return c.json(await createApiToken(ctx, principalOf(c), c.req.valid("json")), 201);
  });

  app.openapi(listTokens, async (c) => {
    return c.json(await listApiTokens(ctx.store, principalOf(c)), 200);
  });

  app.openapi(revokeToken, async (c) => {
    const { id } = c.req.valid("param");
    await revokeApiToken(ctx, principalOf(c), id);
    return c.json({ revoked: id }, 200);
  });

  app.openapi(auditLog, async (c) => {
    const log = await exportAccessLog(ctx, principalOf(c), c.req.valid("query"));
    if (log.format === "csv") return c.body(log.text, 200, { "content-type": "text/csv; charset=utf-8" });
    return c.json(log.entries, 200);
  });
}
