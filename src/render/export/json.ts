/** The resolved team as JSON: people with their roles, teams, products, stakeholders and the RACI matrix. */
import { raciMatrix } from "../../analysis/raci-matrix.ts";
import type { TeamGraph } from "../../graph/types.ts";

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
    },
    null,
    2,
  );
}
