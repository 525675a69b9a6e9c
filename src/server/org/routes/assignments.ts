/**
 * Roles an admin assigns to people by their login's subject (e-mail), organisation-wide or on one
 * team, beside the roles their groups carry: list, assign, remove. An organisation admin assigns
 * any role; a team's admin the roles on that team. Every change goes to the audit log, and takes
 * effect on the person's next request (the use cases: app/org-assignments.ts).
 */

import { createRoute, z } from "@hono/zod-openapi";
import { assignRole, listRoleAssignments, removeRoleAssignment } from "../../../app/org-assignments.ts";
import { principalOf } from "../access.ts";
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
    return c.json(await listRoleAssignments(ctx.store, principalOf(c)), 200);
  });

  app.openapi(assign, async (c) => {
    const teams = ctx.config.sources.map((s) => s.id);
    return c.json(await assignRole({ ...ctx, teams }, principalOf(c), c.req.valid("json")), 201);
  });

  app.openapi(remove, async (c) => {
    return c.json(await removeRoleAssignment(ctx, principalOf(c), c.req.valid("param").id), 200);
  });
}
