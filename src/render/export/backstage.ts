/**
 * Backstage catalog entities: the organisation, its units and teams as `Group`s (with `parent` and
 * `children`, so Backstage draws the same tree), a `User` per person, and per product a `System`
 * owned by its team with a `Component` in it (lifecycle from the product's stage).
 */
import { stringify } from "yaml";
import type { PersonNode, ProductNode, TeamGraph, TeamNode, UnitNode } from "../../graph/types.ts";

const entityName = (id: string) =>
  id
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, "-")
    .replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, "") || "unnamed";

const API = "backstage.io/v1alpha1";

/** The organisation's entity name, and the entity names of a group's children (units, then teams). */
interface Tree {
  org: string;
  childrenOf: (id: string | undefined) => string[];
}

export function renderBackstage(graph: TeamGraph): string {
  const org = entityName(graph.organisation?.name ?? "organisation");
  const teams = [...graph.teams.values()];
  const units = [...graph.units.values()];
  const childrenOf = (id: string | undefined) => [
    ...units.filter((u) => u.parent === id).map((u) => entityName(u.id)),
    ...teams.filter((t) => t.parent === id).map((t) => entityName(t.id)),
  ];
  const tree: Tree = { org, childrenOf };
  const docs: object[] = [
    organisationGroup(graph, tree),
    ...units.map((unit) => unitGroup(unit, tree)),
    ...teams.map((team) => teamGroup(team, tree)),
    ...[...graph.people.values()].map((person) => userEntity(person, org)),
    ...[...graph.products.values()].flatMap((product) => productEntities(product, org)),
  ];
  return docs.map((d) => stringify(d)).join("---\n");
}

/** The organisation: the root `Group` of the tree. */
function organisationGroup(graph: TeamGraph, { org, childrenOf }: Tree): object {
  return {
    apiVersion: API,
    kind: "Group",
    metadata: {
      name: org,
      title: graph.organisation?.name ?? org,
      annotations: { "mlteam/stage": graph.organisation?.stage ?? "" },
    },
    spec: { type: "organization", children: childrenOf(undefined) },
  };
}

function unitGroup(unit: UnitNode, { org, childrenOf }: Tree): object {
  return {
    apiVersion: API,
    kind: "Group",
    metadata: { name: entityName(unit.id), ...(unit.source.name ? { title: unit.source.name } : {}) },
    spec: {
      type: unit.source.type ?? "department",
      parent: unit.parent ? entityName(unit.parent) : org,
      children: childrenOf(unit.id),
      ...(unit.source.name ? { profile: { displayName: unit.source.name } } : {}),
    },
  };
}

function teamGroup(team: TeamNode, { org, childrenOf }: Tree): object {
  const handle = team.source.handle?.replace(/^@/, "");
  return {
    apiVersion: API,
    kind: "Group",
    metadata: {
      name: entityName(team.id),
      title: team.source.name ?? team.id,
      annotations: {
        "mlteam/team-type": team.source.type,
        ...(team.serves.length ? { "mlteam/serves": team.serves.join(",") } : {}),
        ...(handle?.includes("/") ? { "github.com/team-slug": handle } : {}),
      },
    },
    spec: {
      type: "team",
      parent: team.parent ? entityName(team.parent) : org,
      children: childrenOf(team.id),
      profile: { displayName: team.source.name ?? team.id },
    },
  };
}

/** A person as a `User`, member of their teams (or else of the organisation). */
function userEntity(person: PersonNode, org: string): object {
  const email = person.source.emails?.[0];
  return {
    apiVersion: API,
    kind: "User",
    metadata: {
      name: entityName(person.id),
      title: person.name,
      annotations: {
        "mlteam/roles": person.roles.map((r) => `${r.role}:${Math.round(r.allocation)}`).join(","),
        ...(person.source.titles?.length ? { "mlteam/titles": person.source.titles.join(" | ") } : {}),
        ...(person.source.handle ? { "github.com/user-login": person.source.handle.replace(/^@/, "") } : {}),
      },
    },
    spec: {
      profile: { displayName: person.name, ...(email ? { email } : {}) },
      memberOf: person.teams.length ? person.teams.map(entityName) : [org],
    },
  };
}

/** A product as a `System` owned by its team, with a `Component` in it. */
function productEntities(product: ProductNode, org: string): object[] {
  const owner = `group:default/${product.team ? entityName(product.team) : org}`;
  const name = entityName(product.id);
  const title = product.source.name ?? product.id;
  return [
    {
      apiVersion: API,
      kind: "System",
      metadata: { name, title, annotations: { "mlteam/stage": product.source.stage } },
      spec: { owner },
    },
    {
      apiVersion: API,
      kind: "Component",
      metadata: { name, title },
      spec: {
        type: "service",
        lifecycle: product.source.stage === "production" ? "production" : "experimental",
        owner,
        system: name,
      },
    },
  ];
}
