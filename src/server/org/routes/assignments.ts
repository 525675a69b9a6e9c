/**
 * Roles an admin assigns to people by their login's subject (e-mail), organisation-wide or on one
 * team, beside the roles their groups carry: list, assign, remove. An organisation admin assigns
 * any role; a team's admin the roles on that team. Every change goes to the audit log, and takes
 * effect on the person's next request.
 */

import { randomUUID } from "node:crypto";
import { createRoute, z } from "@hono/zod-openapi";
import { ConflictError, ForbiddenError, InputError, NotFoundError } from "../../../app/errors.ts";
import { covers, grantText, holds, parseGrant } from "../../../app/org-grants.ts";
import { principalOf, record } from "../access.ts";
import type { OrgApi, OrgContext } from "../context.ts";
import { AssignmentView, errorResponse, GrantText } from "../contract.ts";

const list = createRoute({
  method: "get",
  path: "/api/org/assignments",
  summary: "Roles assigned by admins (those on the teams you administer, or all for an organisation admin)",
  responses: {
    200: {
      description: "The assignments",
      content: { "application/json": { schema: z.array(AssignmentView) } },
    },
    403: errorResponse("Not an admin"),
  },
});

const assign = createRoute({
  method: "post",
  path: "/api/org/assignments",
  summary:
    "Assign a role to a person, organisation-wide or on one team (admin of the organisation or of that team)",
  request: {
    body: {
      content: {
        "application/json": {
          schema: z.object({
            subject: z
              .string()
              .min(1)
              .max(200)
              .describe(
                "Who, as their login names them (the ID token's email, else preferred_username, else sub)",
              ),
            grant: GrantText,
          }),
        },
      },
    },
  },
  responses: {
    201: { description: "Assigned", content: { "application/json": { schema: AssignmentView } } },
    403: errorResponse("Not an admin of what the role is on"),
    404: errorResponse("No such team"),
    409: errorResponse("The person already has that role"),
  },
});

const remove = createRoute({
  method: "delete",
  path: "/api/org/assignments/{id}",
  summary: "Remove an assigned role (admin of the organisation or of that team)",
  request: { params: z.object({ id: z.string().uuid() }) },
  responses: {
    200: { description: "Removed", content: { "application/json": { schema: AssignmentView } } },
    403: errorResponse("Not an admin of what the role is on"),
    404: errorResponse("No such assignment"),
  },
});

export function assignmentRoutes(app: OrgApi, ctx: OrgContext): void {
  app.openapi(list, async (c) => {
    const p = principalOf(c);
    if (!holds(p, "admin") && ![...p.teams.values()].some((roles) => roles.has("admin")))
      throw new ForbiddenError(
        `assignments are for admins; ${p.actor} has ${p.grants.map(grantText).join(", ")}`,
      );
    const all = await ctx.store.assignments();
    return c.json(
      all.filter((a) => holds(p, "admin", parseGrant(a.grant)?.team)),
      200,
    );
  });

  app.openapi(assign, async (c) => {
    const p = principalOf(c);
    const body = c.req.valid("json");
    const grant = parseGrant(body.grant);
    if (!grant) throw new InputError(`not a role: ${body.grant}`);
    if (grant.team !== undefined && !ctx.config.sources.some((s) => s.id === grant.team))
      throw new NotFoundError(`no team "${grant.team}" in the organisation`);
    if (!holds(p, "admin", grant.team) || !covers(p, grant))
      throw new ForbiddenError(
        `assigning ${body.grant} needs the admin role ${grant.team ? `on ${grant.team} or ` : ""}organisation-wide`,
      );
    const assignment = {
      id: randomUUID(),
      subject: body.subject,
      grant: grantText(grant),
      assignedBy: p.actor,
      assignedAt: ctx.now(),
    };
    if (!(await ctx.store.assign(assignment)))
      throw new ConflictError(`${body.subject} already has ${assignment.grant}`);
    await record(ctx.store, ctx.now, p.actor, "role-assigned", {
      id: assignment.id,
      subject: assignment.subject,
      grant: assignment.grant,
    });
    return c.json(assignment, 201);
  });

  app.openapi(remove, async (c) => {
    const p = principalOf(c);
    const { id } = c.req.valid("param");
    const known = (await ctx.store.assignments()).find((a) => a.id === id);
    if (!known) throw new NotFoundError(`no assignment ${id}`);
    if (!holds(p, "admin", parseGrant(known.grant)?.team))
      throw new ForbiddenError(`removing ${known.grant} needs its team's or the organisation's admin role`);
    const removed = await ctx.store.unassign(id);
    if (!removed) throw new NotFoundError(`no assignment ${id}`);
    await record(ctx.store, ctx.now, p.actor, "role-removed", {
      id,
      subject: removed.subject,
      grant: removed.grant,
    });
    return c.json(removed, 200);
  });
}
