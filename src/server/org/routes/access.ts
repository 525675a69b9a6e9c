/** GET /api/org/me; API tokens (admin): create, list, revoke; the audit log (auditor, admin). */

import { randomUUID } from "node:crypto";
import { createRoute, z } from "@hono/zod-openapi";
import { ForbiddenError, NotFoundError } from "../../../app/errors.ts";
import { covers, grantText, holds, parseGrant } from "../../../app/org-grants.ts";
import { principalOf, randomToken, record, requireRole, sha256 } from "../access.ts";
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
  summary: "Create an API token (admin): shown once, stored hashed, scoped to roles you hold, expiring",
  request: {
    body: {
      content: {
        "application/json": {
          schema: z.object({
            name: z.string().min(1).max(100),
            roles: z.array(GrantText).min(1).max(50),
            expiresInDays: z.number().int().min(1).max(365).default(90),
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
    403: errorResponse("Not an admin, or a role the caller does not hold"),
  },
});

const listTokens = createRoute({
  method: "get",
  path: "/api/org/tokens",
  summary: "The API tokens (admin), without their secrets",
  responses: {
    200: { description: "The tokens", content: { "application/json": { schema: z.array(TokenView) } } },
    403: errorResponse("Not an admin"),
  },
});

const revokeToken = createRoute({
  method: "delete",
  path: "/api/org/tokens/{id}",
  summary: "Revoke an API token (admin)",
  request: { params: z.object({ id: z.string().uuid() }) },
  responses: {
    200: {
      description: "Revoked",
      content: { "application/json": { schema: z.object({ revoked: z.string() }) } },
    },
    403: errorResponse("Not an admin"),
    404: errorResponse("No such token, or already revoked"),
  },
});

const auditLog = createRoute({
  method: "get",
  path: "/api/org/audit",
  summary: "The audit log, newest first (auditor or admin): logins, token changes, sync requests, exports",
  request: {
    query: z.object({
      limit: z.coerce.number().int().min(1).max(10_000).default(1000),
      format: z.enum(["json", "csv"]).default("json"),
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

const csvCell = (value: string) => (/[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

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
    const admin = principalOf(c);
    const body = c.req.valid("json");
    // An admin of the organisation, or of each team the token is scoped to, within what they hold.
    const refused = body.roles.filter((text) => {
      const grant = parseGrant(text);
      return !grant || !holds(admin, "admin", grant.team) || !covers(admin, grant);
    });
    if (refused.length > 0)
      throw new ForbiddenError(
        `a token cannot hold what you do not administer and hold: ${refused.join(", ")}`,
      );
    const secret = randomToken("mlt_");
    const createdAt = ctx.now();
    const token = {
      id: randomUUID(),
      name: body.name,
      hash: sha256(secret),
      roles: body.roles,
      createdBy: admin.actor,
      createdAt,
      expiresAt: new Date(Date.parse(createdAt) + body.expiresInDays * 86_400_000).toISOString(),
    };
    await ctx.store.saveToken(token);
    await record(ctx.store, ctx.now, admin.actor, "token-created", {
      id: token.id,
      name: token.name,
      roles: token.roles,
    });
    const { hash: _hash, ...shown } = token;
    return c.json({ ...shown, token: secret }, 201);
  });

  app.openapi(listTokens, async (c) => {
    requireRole(c, "admin");
    return c.json(
      (await ctx.store.tokens()).map(({ hash: _hash, ...t }) => t),
      200,
    );
  });

  app.openapi(revokeToken, async (c) => {
    const admin = requireRole(c, "admin");
    const { id } = c.req.valid("param");
    if (!(await ctx.store.revokeToken(id, ctx.now()))) throw new NotFoundError(`no token ${id} to revoke`);
    await record(ctx.store, ctx.now, admin.actor, "token-revoked", { id });
    return c.json({ revoked: id }, 200);
  });

  app.openapi(auditLog, async (c) => {
    const p = principalOf(c);
    if (!holds(p, "auditor") && !holds(p, "admin"))
      throw new ForbiddenError(
        `the audit log needs the auditor or admin role organisation-wide; ${p.actor} has ${p.grants.map(grantText).join(", ") || "none"}`,
      );
    const { limit, format } = c.req.valid("query");
    const entries = await ctx.store.auditLog(limit);
    await record(ctx.store, ctx.now, p.actor, "audit-exported", { format, entries: entries.length });
    if (format === "csv") {
      const lines = [
        "at,actor,action,detail",
        ...entries.map((e) => [e.at, e.actor, e.action, JSON.stringify(e.detail)].map(csvCell).join(",")),
      ];
      return c.body(`${lines.join("\n")}\n`, 200, { "content-type": "text/csv; charset=utf-8" });
    }
    return c.json(entries, 200);
  });
}
