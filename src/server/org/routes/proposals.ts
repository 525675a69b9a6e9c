/**
 * POST /api/org/teams/{id}/proposals: an edit of a synced model, as a patch to download (editor);
 * POST /api/org/teams/{id}/proposals/handover: a person's handover (`mlteam handover`), the same way.
 */
import { createRoute, z } from "@hono/zod-openapi";
import { calendarDateInput } from "../../../app/input.ts";
import { proposeHandoverChange, proposeRaciChange } from "../../../app/org-proposal.ts";
import { record, requireRole } from "../access.ts";
import type { OrgApi, OrgContext } from "../context.ts";
import { errorResponse } from "../contract.ts";

const propose = createRoute({
  method: "post",
  path: "/api/org/teams/{id}/proposals",
  summary:
    "Propose a RACI change to a synced model: answers a unified diff of its YAML at the synced commit (comments kept) to apply and send as a pull request; nothing is saved",
  request: {
    params: z.object({
      id: z
        .string()
        .regex(/^[a-z0-9][a-z0-9-]*$/)
        .max(100),
    }),
    body: {
      content: {
        "application/json": {
          schema: z.object({
            activity: z.string().min(1).max(200),
            product: z.string().min(1).max(200).optional(),
            column: z.string().min(1).max(200).describe("A role id, or person:<id>"),
            letters: z.enum(["", "R", "A", "C", "I", "R/A"]),
          }),
        },
      },
    },
  },
  responses: {
    200: { description: "The patch", content: { "text/x-diff": { schema: z.string() } } },
    403: errorResponse("Not an editor"),
    404: errorResponse("No such team, activity, product, role or person"),
    409: errorResponse("The synced model does not validate"),
    503: errorResponse("The team has not been synced yet"),
  },
});

const teamId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/)
  .max(100);

const proposeHandover = createRoute({
  method: "post",
  path: "/api/org/teams/{id}/proposals/handover",
  summary:
    "Propose a person's handover (as mlteam handover --apply would write it) to a synced model: answers a unified diff of every YAML file it changes at the synced commit (comments kept); nothing is saved",
  request: {
    params: z.object({ id: teamId }),
    body: {
      content: {
        "application/json": {
          schema: z.object({
            person: z.string().min(1).max(200).describe("The id of the person handing over"),
            to: z.string().min(1).max(200).optional().describe("Give every responsibility to this person"),
            date: z.string().max(10).optional().describe("The day of the handover, YYYY-MM-DD"),
          }),
        },
      },
    },
  },
  responses: {
    200: { description: "The patch", content: { "text/x-diff": { schema: z.string() } } },
    400: errorResponse("A bad date, `to` naming the person or someone who has left, or nothing to hand over"),
    403: errorResponse("Not an editor"),
    404: errorResponse("No such team or person"),
    409: errorResponse("The synced model does not validate"),
    503: errorResponse("The team has not been synced yet"),
  },
});

export function proposalRoutes(app: OrgApi, ctx: OrgContext): void {
  app.openapi(proposeHandover, async (c) => {
    const id = c.req.valid("param").id;
    const editor = requireRole(c, "editor", id);
    const body = c.req.valid("json");
    const date = body.date === undefined ? undefined : calendarDateInput("date", body.date);
    const proposal = await proposeHandoverChange({ store: ctx.store, today: ctx.today() }, id, {
      person: body.person,
      to: body.to,
      date,
    });
    await record(ctx.store, ctx.now, editor.actor, "change-proposed", {
      team: id,
      commit: proposal.commit,
      files: proposal.files,
      change: { handover: body.person, ...(body.to ? { to: body.to } : {}), ...(date ? { date } : {}) },
    });
    return c.body(proposal.patch, 200, {
      "content-type": "text/x-diff; charset=utf-8",
      "content-disposition": `attachment; filename="${id}-handover-${body.person.replace(/[^a-z0-9-]/gi, "_")}.patch"`,
    });
  });

  app.openapi(propose, async (c) => {
    const id = c.req.valid("param").id;
    const editor = requireRole(c, "editor", id);
    const body = c.req.valid("json");
    const proposal = await proposeRaciChange({ store: ctx.store, today: ctx.today() }, id, {
      activity: body.activity,
      product: body.product,
      column: body.column,
      letters: body.letters,
    });
    await record(ctx.store, ctx.now, editor.actor, "change-proposed", {
      team: id,
      commit: proposal.commit,
      file: proposal.file,
      change: body,
    });
    return c.body(proposal.patch, 200, {
      "content-type": "text/x-diff; charset=utf-8",
      "content-disposition": `attachment; filename="${id}-raci.patch"`,
    });
  });
}
