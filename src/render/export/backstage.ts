/** Backstage catalog entities: a `Group` per team (and one for the organisation) and a `User` per person. */
import { stringify } from "yaml";
import type { TeamGraph } from "../../graph/types.ts";

const entityName = (id: string) =>
  id
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, "-")
    .replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, "") || "unnamed";

export function renderBackstage(graph: TeamGraph): string {
  const org = entityName(graph.organisation?.name ?? "organisation");
  const docs: object[] = [
    {
      apiVersion: "backstage.io/v1alpha1",
      kind: "Group",
      metadata: {
        name: org,
        title: graph.organisation?.name ?? org,
        annotations: { "mlteam/stage": graph.organisation?.stage ?? "" },
      },
      spec: { type: "organization", children: [...graph.teams.keys()].map(entityName) },
    },
  ];
  for (const team of graph.teams.values()) {
    const lead = team.source.lead;
    docs.push({
      apiVersion: "backstage.io/v1alpha1",
      kind: "Group",
      metadata: {
        name: entityName(team.id),
        title: team.source.name ?? team.id,
        annotations: {
          "mlteam/team-type": team.source.type,
          ...(team.serves.length ? { "mlteam/serves": team.serves.join(",") } : {}),
        },
      },
      spec: {
        type: "team",
        parent: org,
        children: [],
        ...(lead ? { profile: { displayName: team.source.name ?? team.id } } : {}),
      },
    });
  }
  for (const person of graph.people.values()) {
    const email = person.source.emails?.[0];
    docs.push({
      apiVersion: "backstage.io/v1alpha1",
      kind: "User",
      metadata: {
        name: entityName(person.id),
        title: person.name,
        annotations: {
          "mlteam/roles": person.roles.map((r) => `${r.role}:${Math.round(r.allocation)}`).join(","),
          ...(person.source.titles?.length ? { "mlteam/titles": person.source.titles.join(" | ") } : {}),
          ...(person.source.handle
            ? { "github.com/user-login": person.source.handle.replace(/^@/, "") }
            : {}),
        },
      },
      spec: {
        profile: { displayName: person.name, ...(email ? { email } : {}) },
        memberOf: person.teams.length ? person.teams.map(entityName) : [org],
      },
    });
  }
  return docs.map((d) => stringify(d)).join("---\n");
}
