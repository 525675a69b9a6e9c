/**
 * A Team API per team, in the spirit of Team Topologies' Team API template (Skelton & Pais): what
 * kind of team it is, who is in it, what it owns, which teams it works with and how, and how to
 * reach it. mlteam's team types map to Team Topologies' (a product or full-stack team is
 * stream-aligned); `serves` is the X-as-a-Service interaction, from both sides.
 */
import type { TeamGraph } from "../../graph/types.ts";
import type { Team } from "../../model/schema.ts";

const TOPOLOGY_TYPE: Record<Team["type"], string> = {
  product: "stream-aligned",
  "full-stack": "stream-aligned",
  platform: "platform",
  enabling: "enabling",
};

export function renderTeamApi(graph: TeamGraph): string {
  const teams = [...graph.teams.values()].map((team) => {
    const source = team.source;
    const members = team.members.map((id) => {
      const person = graph.people.get(id);
      return {
        id,
        name: person?.name ?? graph.names.get(id) ?? id,
        roles: person?.roles.map((r) => r.role) ?? [],
        ...(person?.source.handle ? { handle: person.source.handle } : {}),
        ...(person?.source.employment && person.source.employment !== "employee"
          ? { employment: person.source.employment }
          : {}),
      };
    });
    return {
      id: team.id,
      name: source.name ?? team.id,
      type: TOPOLOGY_TYPE[source.type],
      mlteamType: source.type,
      ...(source.handle ? { handle: source.handle } : {}),
      ...(source.lead ? { lead: source.lead } : {}),
      ...(team.parent ? { partOf: team.parent } : {}),
      members,
      openings: graph.model.openings
        .filter((o) => o.team === team.id)
        .map((o) => ({ id: o.id, role: o.role, ...(o.start ? { start: o.start } : {}) })),
      services: (graph.productsByTeam.get(team.id) ?? []).map((id) => {
        const product = graph.products.get(id);
        return { id, name: product?.source.name ?? id, stage: product?.source.stage };
      }),
      interactions: [
        ...team.serves.map((other) => ({ team: other, mode: "x-as-a-service", role: "provider" })),
        ...team.servedBy.map((other) => ({ team: other, mode: "x-as-a-service", role: "consumer" })),
      ],
      onCall: graph.model.onCall
        .filter((r) => r.team === team.id)
        .map((r) => ({ id: r.id, people: r.people })),
    };
  });
  return JSON.stringify({ organisation: graph.organisation?.name, teams }, null, 2);
}
