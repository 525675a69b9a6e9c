/**
 * Backstage org entities → people, teams and the organisation tree.
 *
 * - `Location` entities are followed: each target (a path relative to the file that names it) is
 *   read through the caller's `read`, once; URLs are reported and left alone.
 * - Entity references are read as Backstage writes them (`[kind:][namespace/]name`, `default`
 *   namespace when absent); names that clash across namespaces keep their namespace in the id.
 * - A `Group` whose `spec.type` is a team (`team`, `squad`, or an mlteam team type) becomes a team;
 *   the `organization` is the root (the model's organisation, not a unit); any other type
 *   (department, sub-department, division…) a unit of the tree; `spec.parent` and `spec.children`
 *   give each its parent.
 * - A `User` becomes a person, member of the teams its `memberOf` (or a group's `spec.members`) names.
 */
import { parseAllDocuments } from "yaml";
import type { Person, Product, Team, Unit } from "../model/schema.ts";
import { yamlDocumentAliasProblem, yamlToJS } from "../model/yaml-source.ts";
import { type Imported, slug } from "./types.ts";

interface Entity {
  kind?: unknown;
  metadata?: {
    name?: unknown;
    namespace?: unknown;
    title?: unknown;
    annotations?: Record<string, unknown>;
  };
  spec?: {
    type?: unknown;
    targets?: unknown;
    target?: unknown;
    profile?: { displayName?: unknown; email?: unknown };
    memberOf?: unknown;
    members?: unknown;
    parent?: unknown;
    children?: unknown;
    /** A System's or Component's owner, and a Component's system. */
    owner?: unknown;
    system?: unknown;
  };
}

/**
 * Reads a `Location` target (a path or glob, relative to the file that names it): the files it
 * names, or a reason it cannot.
 */
export type ReadTarget = (target: string, from: string) => { path: string; text: string }[] | string;

export interface BackstageOptions {
  /** The file's path, for messages and to resolve `Location` targets. */
  path?: string;
  read?: ReadTarget;
}

const MLTEAM_TEAM_TYPES = new Set(["product", "platform", "full-stack", "enabling"]);
const TEAM_GROUP_TYPES = new Set(["team", "squad", "crew", "pod"]);

interface Ref {
  kind: string;
  namespace: string;
  name: string;
}

/** `[kind:][namespace/]name` as Backstage writes entity references (compared case-insensitively). */
function parseRef(value: string, defaultKind: string, defaultNamespace = "default"): Ref {
  const colon = value.indexOf(":");
  const kind = colon > 0 ? value.slice(0, colon) : defaultKind;
  const rest = colon > 0 ? value.slice(colon + 1) : value;
  const slash = rest.indexOf("/");
  const namespace = slash > 0 ? rest.slice(0, slash) : defaultNamespace;
  const name = slash > 0 ? rest.slice(slash + 1) : rest;
  return { kind: kind.toLowerCase(), namespace: namespace.toLowerCase(), name: name.toLowerCase() };
}

const refKey = (r: Ref) => `${r.kind}:${r.namespace}/${r.name}`;
const text = (value: unknown) => (typeof value === "string" && value.trim() ? value.trim() : undefined);
const list = (value: unknown) =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];

/** Every entity of the file and of the files its `Location` targets name, each with its file. */
function collect(
  source: string,
  path: string,
  read: ReadTarget | undefined,
  notes: string[],
): { entity: Entity; file: string }[] {
  const out: { entity: Entity; file: string }[] = [];
  const seen = new Set<string>([path]);
  const queue: { text: string; file: string }[] = [{ text: source, file: path }];
  while (queue.length > 0) {
    const { text: body, file } = queue.shift() as { text: string; file: string };
    const docs = parseAllDocuments(body);
    // Aliases are bounded as in a model (YAML_ALIAS_LIMITS), over the whole file, before anything expands them.
    const aliases = yamlDocumentAliasProblem([...docs], body);
    if (aliases) throw new Error(`${file}:${aliases.line}:${aliases.column}: ${aliases.message}`);
    for (const doc of docs) {
      const error = doc.errors[0];
      if (error) {
        const [line, column] = error.linePos?.[0] ? [error.linePos[0].line, error.linePos[0].col] : [1, 1];
        throw new Error(
          `${file}:${line}:${column}: invalid YAML: ${(error.message.split("\n")[0] ?? "").replace(/ at line \d+, column \d+:?$/, "")}`,
        );
      }
      const js = yamlToJS(doc, body);
      if (!js.ok) throw new Error(`${file}:${js.line}:${js.column}: ${js.message}`);
      const value = js.value as Entity | null;
      if (!value || typeof value !== "object") continue;
      out.push({ entity: value, file });
      if (value.kind !== "Location") continue;
      const targets = [...list(value.spec?.targets), ...list([value.spec?.target])];
      for (const target of targets) {
        if (/^[a-z][a-z0-9+.-]*:\/\//i.test(target)) {
          notes.push(`${file}: Location target ${target} is a URL; not fetched — import that file by hand`);
          continue;
        }
        const found = read ? read(target.replace(/^file:/, ""), file) : "no reader given";
        if (typeof found === "string") {
          notes.push(`${file}: Location target ${target} left out: ${found}`);
          continue;
        }
        for (const one of found) {
          if (seen.has(one.path)) continue;
          seen.add(one.path);
          queue.push({ text: one.text, file: one.path });
        }
      }
    }
  }
  return out;
}

interface Named {
  entity: Entity;
  ref: Ref;
}

/** What the import builds, step by step: ids, teams, units and the notes for review. */
interface BackstageImport {
  notes: string[];
  /** Model id by entity reference key. */
  ids: Map<string, string>;
  teams: Map<string, Team>;
  units: Map<string, Unit>;
  /** The organisation groups: the root of the tree, neither team nor unit. */
  roots: Set<string>;
  /** Users placed in a unit rather than a team: "who (group)". */
  inUnits: string[];
}

export function importBackstage(source: string, options: BackstageOptions = {}): Imported {
  const notes: string[] = [];
  const file = options.path ?? "the file";
  const entities = collect(source, file, options.read, notes);
  const { users, groups, otherKinds } = sortEntities(entities);
  const state: BackstageImport = {
    notes,
    ids: assignIds(users, groups, notes),
    teams: new Map(),
    units: new Map(),
    roots: new Set(),
    inUnits: [],
  };
  readGroups(state, groups);
  const people = users.map((user) => readUser(state, user));
  addGroupMembers(state, groups);
  if (state.inUnits.length)
    notes.push(`members of a unit rather than a team (not placed in a team): ${state.inUnits.join(", ")}`);

  const { teams, units, roots } = state;
  const products = readProducts(state, entities, otherKinds);
  const ignored = [...otherKinds].filter(([, n]) => n > 0).map(([k, n]) => `${k} ×${n}`);
  return {
    people,
    teams: [...teams.values()],
    units: [...units.values()],
    ...(products.length ? { products } : {}),
    raci: [],
    notes,
    summary: {
      created: people.length,
      skipped: 0,
      used: [
        `User ×${users.length} → ${people.length} people`,
        `Group ×${groups.length} → ${teams.size} teams, ${units.size} units${roots.size ? `, ${roots.size} organisation` : ""}`,
        ...(products.length ? [`System ×${products.length} → ${products.length} products`] : []),
      ],
      unknownColumns: [],
      unmapped: [],
      ...(ignored.length ? { ignored } : {}),
    },
  };
}

/**
 * Products as `mlteam export --format backstage` writes them: a `System` with the `mlteam/stage`
 * annotation, owned by a team of the import (its `Component` of the same name goes with it). They
 * are taken off `otherKinds`, so the summary lists only what was not read.
 */
function readProducts(
  state: BackstageImport,
  entities: { entity: Entity }[],
  otherKinds: Map<string, number>,
): Product[] {
  const products: Product[] = [];
  for (const { entity } of entities) {
    const stage = text(entity.metadata?.annotations?.["mlteam/stage"]);
    const name = text(entity.metadata?.name);
    const owner = text(entity.spec?.owner);
    if (entity.kind !== "System" || !name || (stage !== "prototype" && stage !== "production") || !owner)
      continue;
    const ref = parseRef(owner, "group", text(entity.metadata?.namespace) ?? "default");
    const team = state.ids.get(refKey(ref));
    if (!team || !state.teams.has(team)) continue;
    const title = text(entity.metadata?.title);
    products.push({ id: slug(name), ...(title && title !== name ? { name: title } : {}), team, stage });
    otherKinds.set("System", (otherKinds.get("System") ?? 1) - 1);
    const component = entities.some(
      (e) => e.entity.kind === "Component" && text(e.entity.spec?.system) === name,
    );
    if (component) otherKinds.set("Component", (otherKinds.get("Component") ?? 1) - 1);
  }
  return products;
}

/** Users and groups with their references, and a count of the other kinds; throws when there are neither. */
function sortEntities(entities: { entity: Entity }[]): {
  users: Named[];
  groups: Named[];
  otherKinds: Map<string, number>;
} {
  const users: Named[] = [];
  const groups: Named[] = [];
  const otherKinds = new Map<string, number>();
  for (const { entity } of entities) {
    const name = text(entity.metadata?.name);
    const kind = text(entity.kind) ?? "(no kind)";
    if ((kind === "User" || kind === "Group") && name) {
      const ref = parseRef(name, kind.toLowerCase(), text(entity.metadata?.namespace) ?? "default");
      (kind === "User" ? users : groups).push({ entity, ref: { ...ref, kind: kind.toLowerCase() } });
    } else if (kind !== "Location") otherKinds.set(kind, (otherKinds.get(kind) ?? 0) + 1);
  }
  if (users.length === 0 && groups.length === 0) {
    const seen = [...otherKinds].map(([k, n]) => `${k} ×${n}`).join(", ");
    throw new Error(
      `no Group or User entities found${seen ? ` (found ${seen})` : ""}; the Backstage import reads Group and User entities, and follows Location targets`,
    );
  }
  return { users, groups, otherKinds };
}

/** Ids: the entity's name; its namespace too when the name is taken in another namespace. */
function assignIds(users: Named[], groups: Named[], notes: string[]): Map<string, string> {
  const ids = new Map<string, string>();
  const clashes: string[] = [];
  const assign = (items: { ref: Ref }[], taken: Set<string>) => {
    const byName = new Map<string, number>();
    for (const { ref } of items) byName.set(ref.name, (byName.get(ref.name) ?? 0) + 1);
    for (const { ref } of items) {
      if (ids.has(refKey(ref))) continue;
      let id = slug(ref.name);
      if ((byName.get(ref.name) ?? 0) > 1 && ref.namespace !== "default") {
        id = slug(`${ref.namespace}-${ref.name}`);
        clashes.push(`${ref.namespace}/${ref.name} → ${id}`);
      }
      while (taken.has(id)) id = `${id}-2`;
      taken.add(id);
      ids.set(refKey(ref), id);
    }
  };
  assign(users, new Set());
  assign(groups, new Set());
  if (clashes.length)
    notes.push(`names used in several namespaces keep their namespace in the id: ${clashes.join(", ")}`);
  return ids;
}

/** Groups: teams or units (or the organisation), then each placed under its parent. */
function readGroups(state: BackstageImport, groups: Named[]): void {
  const untyped: string[] = [];
  const parentOf = new Map<string, string>();
  for (const group of groups) {
    const id = state.ids.get(refKey(group.ref)) as string;
    if (state.teams.has(id) || state.units.has(id)) continue;
    linkParents(state, group, id, parentOf);
    readGroup(state, group, id, untyped);
  }
  for (const [child, parent] of parentOf) {
    const team = state.teams.get(child);
    const unit = state.units.get(child);
    if (state.roots.has(parent)) continue;
    if (team) team.parent = parent;
    else if (unit && state.units.has(parent)) unit.parent = parent;
  }
  if (untyped.length)
    state.notes.push(
      `${untyped.length === 1 ? "group" : "groups"} ${untyped.join(", ")}: Backstage says team, not which kind (product, platform, full-stack, enabling); set to product — review (or annotate mlteam/team-type)`,
    );
}

/** Records the group's `spec.parent` and, for its `spec.children` without one, itself as their parent. */
function linkParents(
  state: BackstageImport,
  { entity, ref }: Named,
  id: string,
  parentOf: Map<string, string>,
): void {
  const parent = text(entity.spec?.parent);
  if (parent) {
    const target = state.ids.get(refKey(parseRef(parent, "group", ref.namespace)));
    if (target) parentOf.set(id, target);
    else state.notes.push(`group ${ref.name}: parent ${parent} is not in the imported files; left out`);
  }
  for (const child of list(entity.spec?.children)) {
    const target = state.ids.get(refKey(parseRef(child, "group", ref.namespace)));
    if (target && !parentOf.has(target)) parentOf.set(target, id);
  }
}

/** A group as the organisation (a root), a team, or a unit; teams of no declared kind go in `untyped`. */
function readGroup(state: BackstageImport, { entity, ref }: Named, id: string, untyped: string[]): void {
  const name = text(entity.spec?.profile?.displayName) ?? text(entity.metadata?.title);
  const type = text(entity.spec?.type)?.toLowerCase();
  const declared = text(entity.metadata?.annotations?.["mlteam/team-type"]);
  const teamType = [declared, type].find((t) => t !== undefined && MLTEAM_TEAM_TYPES.has(t));
  if (type === "organization" || type === "organisation") {
    state.roots.add(id);
    state.notes.push(
      `group ${ref.name} is the organisation, the root of the tree: not a unit (name it in organisation.name)`,
    );
  } else if (teamType || type === undefined || TEAM_GROUP_TYPES.has(type)) {
    if (!teamType) untyped.push(ref.name);
    const serves = text(entity.metadata?.annotations?.["mlteam/serves"]);
    const slugHandle = text(entity.metadata?.annotations?.["github.com/team-slug"]);
    state.teams.set(id, {
      id,
      ...(name ? { name } : {}),
      type: (teamType ?? "product") as Team["type"],
      members: [],
      ...(serves ? { serves: serves.split(",").map(slug) } : {}),
      ...(slugHandle ? { handle: `@${slugHandle.replace(/^@/, "")}` } : {}),
    });
  } else {
    state.units.set(id, { id, ...(name ? { name } : {}), type });
  }
}

/** Puts a person in the team a group reference names (noting a unit or a group not imported). */
function joinGroup(state: BackstageImport, groupRef: string, namespace: string, person: string, who: string) {
  const id = state.ids.get(refKey(parseRef(groupRef, "group", namespace)));
  const team = id === undefined ? undefined : state.teams.get(id);
  if (team) {
    if (!team.members?.includes(person)) team.members?.push(person);
  } else if (id !== undefined && !state.roots.has(id)) state.inUnits.push(`${who} (${groupRef})`);
  else state.notes.push(`user ${who}: group ${groupRef} is not in the imported files; membership left out`);
}

/** A user as a person, in the teams its `memberOf` names. */
function readUser(state: BackstageImport, { entity, ref }: Named): Person {
  const id = state.ids.get(refKey(ref)) as string;
  const email = text(entity.spec?.profile?.email);
  const roles = text(entity.metadata?.annotations?.["mlteam/roles"]);
  const titles = text(entity.metadata?.annotations?.["mlteam/titles"]);
  const login = text(entity.metadata?.annotations?.["github.com/user-login"]);
  const person: Person = {
    id,
    name: text(entity.spec?.profile?.displayName) ?? text(entity.metadata?.title) ?? ref.name,
    ...(email ? { emails: [email] } : {}),
    ...(login ? { handle: `@${login}` } : {}),
    ...(titles ? { titles: titles.split(" | ") } : {}),
    ...(roles
      ? {
          roles: roles.split(",").map((r) => {
            const [role = "", allocation] = r.split(":");
            return allocation === undefined ? role : { role, allocation: Number(allocation) };
          }),
        }
      : {}),
  };
  for (const group of list(entity.spec?.memberOf)) joinGroup(state, group, ref.namespace, id, ref.name);
  return person;
}

/** The members each group's `spec.members` names, put in it. */
function addGroupMembers(state: BackstageImport, groups: Named[]): void {
  for (const { entity, ref } of groups) {
    for (const member of list(entity.spec?.members)) {
      const person = state.ids.get(refKey(parseRef(member, "user", ref.namespace)));
      if (person) joinGroup(state, `group:${ref.namespace}/${ref.name}`, ref.namespace, person, member);
      else state.notes.push(`group ${ref.name}: member ${member} is not in the imported files; left out`);
    }
  }
}
