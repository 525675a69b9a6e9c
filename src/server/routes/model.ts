/** GET /api/model: the resolved model — people, teams, products, stakeholders — and its diagnostics. */
import { createRoute } from "@hono/zod-openapi";
import { listsRepositories } from "../../app/evidence.ts";
import type { Api, ServerContext } from "../context.ts";
import { ErrorBody, ModelView, type ModelViewT } from "../contract.ts";

const route = createRoute({
  method: "get",
  path: "/api/model",
  summary: "The resolved model: people, teams, products, stakeholders, diagnostics",
  description:
    "Answers even when the model is invalid, with its diagnostics. The ETag header identifies this version.",
  responses: {
    200: { description: "The model", content: { "application/json": { schema: ModelView } } },
    500: { description: "An internal error", content: { "application/json": { schema: ErrorBody } } },
  },
});

export function modelRoutes(app: Api, ctx: ServerContext): void {
  app.openapi(route, async (c) => {
    const checked = await ctx.workspace.current();
    const body = ctx.view(checked, "model", (): ModelViewT => {
      const { graph, model, diagnostics } = checked.check;
      return ctx.publicValue({
        etag: checked.etag,
        files: model.files,
        diagnostics,
        organisation: model.organisation ?? null,
        people: [...graph.people.values()].map((p) => ({
          id: p.id,
          name: p.name,
          roles: [
            ...p.roles.map((r) => ({ role: r.role, allocation: r.allocation })),
            ...p.titleMatches.map((m) => ({ role: m.role, allocation: 0, fromTitle: m.title })),
          ],
          allocation: p.allocation,
          teams: p.teams,
          skills: { ...p.skills },
          absences: (p.source.absences ?? []).map((a) => ({ ...a })),
          employment: p.source.employment ?? "employee",
          capacity: p.source.capacity ?? 100,
          ...(p.source.leaves !== undefined ? { leaves: p.source.leaves } : {}),
        })),
        openings: model.openings.map((o) => ({
          id: o.id,
          role: o.role,
          ...(o.team !== undefined ? { team: o.team } : {}),
          ...(o.start !== undefined ? { start: o.start } : {}),
          status: o.status ?? "open",
        })),
        teams: [...graph.teams.values()].map((t) => ({
          id: t.id,
          name: t.source.name ?? t.id,
          type: t.source.type,
          members: t.members,
          serves: t.serves,
        })),
        products: [...graph.products.values()].map((p) => ({ ...p.source })),
        stakeholders: graph.stakeholders.map((s) => ({ ...s })),
        raciActivities: [...graph.raciByActivity.keys()],
        evidence: listsRepositories(model),
        frameworks: [...(graph.organisation?.frameworks ?? [])],
        ...(ctx.snapshot ? { snapshot: { ...ctx.snapshot } } : {}),
      });
    });
    c.header("ETag", checked.etag);
    return c.json(body, 200);
  });
}
