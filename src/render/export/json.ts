/**
 * The resolved team as JSON: people with their roles, teams, products, stakeholders and the RACI
 * matrix — and under `model` the model itself, every section and field as written (`x-*` keys
 * included), so nothing is lost on the way out.
 */
import { raciMatrix } from "../../analysis/raci-matrix.ts";
import type { TeamGraph } from "../../graph/types.ts";
import type { Model } from "../../model/model.ts";

/** The model's sections as plain data, as the files write them (merged over includes). */
export function modelData(model: Model): Record<string, unknown> {
  return {
    ...(model.organisation ? { organisation: model.organisation } : {}),
    people: model.people,
    openings: model.openings,
    onCall: model.onCall,
    units: model.units,
    teams: model.teams,
    products: model.products,
    stakeholders: model.stakeholders,
    raci: model.raci,
    roles: model.roles,
    activities: model.activities,
    competencies: model.competencies,
    rules: model.rules,
    suppress: model.suppress,
    ...(model.evidence ? { evidence: model.evidence.settings } : {}),
  };
}

export function renderTeamJson(graph: TeamGraph): string {
  return JSON.stringify(
    {
      organisation: graph.organisation,
      people: [...graph.people.values()].map((p) => ({
        id: p.id,
        name: p.name,
        emails: p.source.emails ?? [],
        titles: p.source.titles ?? [],
        handle: p.source.handle,
        roles: p.roles,
        allocation: p.allocation,
        skills: p.skills,
        teams: p.teams,
        reportsTo: p.source.reportsTo,
      })),
      teams: [...graph.teams.values()].map((t) => ({
        id: t.id,
        name: t.source.name,
        type: t.source.type,
        members: t.members,
        serves: t.serves,
        lead: t.source.lead,
      })),
      products: [...graph.products.values()].map((p) => p.source),
      stakeholders: graph.stakeholders,
      raci: raciMatrix(graph),
      model: modelData(graph.model),
    },
    null,
    2,
  );
}
