/**
 * Resolves a model against the catalog into the team graph, checking every reference and id on
 * the way. References that do not resolve become located diagnostics, never exceptions.
 */

import { type Catalog, roleSuggestedByTitle } from "../catalog/index.ts";
import type { RoleDef } from "../catalog/types.ts";
import type { Diagnostic } from "../model/diagnostic.ts";
import { formatPath } from "../model/diagnostic.ts";
import type { Model } from "../model/model.ts";
import type { RoleAssignment } from "../model/schema.ts";
import { didYouMean, suggest } from "../model/suggest.ts";
import type { PathKey } from "../model/yaml-source.ts";
import { mergeCatalog } from "./catalog-merge.ts";
import {
  checkDuplicates,
  type Ids,
  indexHolders,
  indexSkills,
  type ResolveContext,
  recordResolution,
} from "./resolve-context.ts";
import { resolveRaci } from "./resolve-raci.ts";
import { resolveUnits } from "./resolve-units.ts";
import type {
  ExternalReference,
  PersonNode,
  ProductNode,
  RoleHolding,
  TeamGraph,
  TeamNode,
  TitleMatch,
} from "./types.ts";

export interface ResolveOptions {
  /** People to leave out as if away (what-if): they hold nothing, and references to them stay valid. */
  absent?: ReadonlySet<string>;
  /**
   * How references that may point into another source of the organisation (a team's `serves`, a
   * person's `reportsTo`, a product's team, RACI C and I) are treated when they do not resolve:
   * `standalone` (default: the model checked on its own) keeps them in `graph.external` (with the
   * model's own id they may be a typo of); `organisation` (the organisation gave every
   * source's entries) reports them as unknown; `missingSources` reports them as warnings naming
   * the sources that could not be read, where the reference may point.
   */
  references?: "standalone" | "organisation" | { missingSources: readonly string[] };
}

const NOBODY: ReadonlySet<string> = new Set();

export interface ResolveResult {
  graph: TeamGraph;
  diagnostics: Diagnostic[];
}

/**
 * Joins the model with the catalog.
 * @example const { graph, diagnostics } = resolveTeam(model, CATALOG);
 */
export function resolveTeam(model: Model, catalog: Catalog, options: ResolveOptions = {}): ResolveResult {
  const absent = options.absent ?? NOBODY;
  const diagnostics: Diagnostic[] = [];
  const report: ResolveContext["report"] = (node, path, code, message, target) => {
    const at = model.locate(node, path, target);
    const origin = model.origin(node);
    const where = origin ? formatPath([...origin.path, ...path]) : formatPath(path);
    diagnostics.push({ ...at, severity: "error", code, message: `${where}: ${message}` });
  };
  const external: ExternalReference[] = [];
  const ctx: ResolveContext = {
    model,
    absent,
    report,
    warn: (node, path, code, message) => {
      const at = model.locate(node, path);
      const origin = model.origin(node);
      const where = origin ? formatPath([...origin.path, ...path]) : formatPath(path);
      diagnostics.push({ ...at, severity: "warning", code, message: `${where}: ${message}` });
    },
    known: (ids, id) => ids.has(id) || model.invalidIds.has(id) || absent.has(id),
    unknown: (node, path, what, id, candidates, target) =>
      report(node, path, "unknown-reference", `unknown ${what} "${id}"${didYouMean(id, candidates)}`, target),
    external: (node, path, what, id, candidates) => {
      const mode = options.references ?? "standalone";
      const list = [...candidates];
      if (mode === "standalone") {
        const near = suggest(id, list);
        external.push({ kind: what, id, node, path, ...(near !== undefined ? { suggestion: near } : {}) });
      } else if (mode === "organisation") ctx.unknown(node, path, what, id, list);
      else
        ctx.warn(
          node,
          path,
          "unknown-reference",
          `${what} "${id}" is in no source the organisation could read; it may be in ${mode.missingSources.join(", ")}, which failed to sync`,
        );
    },
  };
  const merged = mergeCatalog(catalog, model);
  checkCustomCatalog(ctx, merged.competencies);
  checkEvidencePatterns(ctx, merged.activities);
  const { people, skilled, holders } = resolvePeople(ctx, merged.roles, merged.competencies);
  const teams = resolveTeams(ctx, people);
  const units = resolveUnits(ctx, teams);
  const { products, productsByTeam } = resolveProducts(ctx, teams, people, merged.roles, merged.activities);
  const { raci, raciByActivity, teamHolders } = resolveRaci(ctx, {
    roles: merged.roles,
    activities: merged.activities,
    people,
    teams,
    products,
    holders,
  });
  const graph: TeamGraph = {
    model,
    organisation: model.organisation,
    roles: merged.roles,
    activities: merged.activities,
    competencies: merged.competencies,
    topologies: catalog.topologies,
    people,
    teams,
    units,
    products,
    names: namesOf(model),
    holders,
    teamRoles: teamHolders,
    skilled,
    productsByTeam,
    raci,
    raciByActivity,
    stakeholders:
      absent.size === 0 ? model.stakeholders : model.stakeholders.filter((s) => !absent.has(s.person ?? "")),
    external,
  };
  recordResolution(graph, { absent, references: options.references ?? "standalone", diagnostics });
  return { graph, diagnostics };
}

/** Custom roles, activities and competencies: unique ids, and competencies that exist. */
function checkCustomCatalog(ctx: ResolveContext, competencies: Ids): void {
  const { model, report, known, unknown } = ctx;
  for (const [section, list] of [
    ["role", model.roles],
    ["activity", model.activities],
    ["competency", model.competencies],
  ] as const) {
    checkDuplicates(model, list, section, report);
    for (const custom of list) {
      for (const competency of Object.keys((custom as { competencies?: object }).competencies ?? {})) {
        if (!known(competencies, competency))
          unknown(custom, ["competencies", competency], "competency", competency, competencies.keys(), "key");
      }
    }
  }
}

/** Evidence patterns name activities. */
function checkEvidencePatterns(ctx: ResolveContext, activities: Ids): void {
  const { model, known, unknown } = ctx;
  const evidence = model.evidence?.settings;
  if (evidence) {
    const check = (patterns: Record<string, string[]> | undefined, path: PathKey[]) => {
      for (const activity of Object.keys(patterns ?? {})) {
        if (!known(activities, activity))
          unknown(evidence, [...path, activity], "activity", activity, activities.keys(), "key");
      }
    };
    check(evidence.patterns, ["patterns"]);
    for (const [i, r] of (evidence.repositories ?? []).entries())
      check(r.patterns, ["repositories", i, "patterns"]);
  }
}

/** People with their roles (allocations shared out), skills and absences; who holds each role and competency. */
function resolvePeople(ctx: ResolveContext, roles: ReadonlyMap<string, RoleDef>, competencies: Ids) {
  const { model, absent, report, known, unknown } = ctx;
  const people = new Map<string, PersonNode>();
  checkDuplicates(model, model.people, "person", report);
  for (const person of model.people) {
    if (people.has(person.id) || absent.has(person.id)) continue;
    const skills = person.skills ?? NO_SKILLS;
    for (const competency in skills) {
      if (!known(competencies, competency))
        unknown(person, ["skills", competency], "competency", competency, competencies.keys(), "key");
    }
    const holdings = allocate(person.roles ?? []);
    holdings.forEach((holding, index) => {
      if (!known(roles, holding.role)) unknown(person, ["roles", index], "role", holding.role, roles.keys());
    });
    for (const [index, assignment] of (person.roles ?? []).entries()) {
      const allocation = typeof assignment === "object" ? assignment.allocation : undefined;
      if (allocation !== undefined && allocation > 0 && allocation < 1)
        ctx.warn(
          person,
          ["roles", index, "allocation"],
          "schema",
          `${allocation} looks like a fraction, but allocations are percent — did you mean ${Math.round(allocation * 100)}?`,
        );
    }
    for (const [index, absence] of (person.absences ?? []).entries()) {
      if (absence.to < absence.from)
        report(
          person,
          ["absences", index, "to"],
          "schema",
          `the absence ends (${absence.to}) before it starts (${absence.from})`,
        );
    }
    const fromTitles = titleMatches(person.titles, holdings, roles);
    people.set(person.id, {
      id: person.id,
      name: person.name,
      source: person,
      roles: holdings,
      titleRoles: fromTitles === NO_MATCHES ? NO_ROLES : fromTitles.map((m) => m.role),
      titleMatches: fromTitles,
      allocation: holdings.reduce((sum, h) => sum + h.allocation, 0),
      skills,
      teams: [],
    });
  }
  for (const person of model.people) {
    if (person.reportsTo !== undefined && !known(people, person.reportsTo))
      ctx.external(person, ["reportsTo"], "person", person.reportsTo, people.keys());
  }
  reportCycles(ctx);

  return { people, skilled: indexSkills(people), holders: indexHolders(people) };
}

/** Person id → name, for every person of the model (the last of an id, as a map made from the list keeps). */
function namesOf(model: Model): Map<string, string> {
  const names = new Map<string, string>();
  for (const p of model.people) names.set(p.id, p.name);
  return names;
}

/** Each cycle of `reportsTo` (a → b → a), once, at the first of its people in the model's order. */
function reportCycles({ model, report }: ResolveContext): void {
  const byId = new Map<string, (typeof model.people)[number]>();
  for (const p of model.people) byId.set(p.id, p);
  const done = new Set<string>();
  for (const person of model.people) {
    // Most people report to no one, or to someone whose chain is known to end: no cycle through them.
    const up = byId.get(person.id)?.reportsTo;
    if (!done.has(person.id) && (up === undefined || (done.has(up) && up !== person.id))) {
      done.add(person.id);
      continue;
    }
    const path: string[] = [];
    let id: string | undefined = person.id;
    while (id !== undefined && !done.has(id) && !path.includes(id)) {
      path.push(id);
      id = byId.get(id)?.reportsTo;
    }
    if (id !== undefined && path.includes(id)) {
      const cycle = path.slice(path.indexOf(id));
      const first = model.people.find((p) => cycle.includes(p.id));
      if (first) {
        const from = cycle.indexOf(first.id);
        const ring = [...cycle.slice(from), ...cycle.slice(0, from), first.id];
        report(first, ["reportsTo"], "reference-cycle", `reportsTo makes a cycle: ${ring.join(" → ")}`);
      }
    }
    for (const seen of path) done.add(seen);
  }
}

/**
 * The roles a person's job titles suggest (through the roles' aliases), each with the title it came
 * from. Recorded facts win: a person with any `roles:` entry gets none, and a title never stands for
 * a commitment (executive sponsor, evangelist; see `roleSuggestedByTitle`).
 */
function titleMatches(
  titles: readonly string[] | undefined,
  holdings: readonly RoleHolding[],
  roles: ReadonlyMap<string, RoleDef>,
): TitleMatch[] {
  if (!titles || titles.length === 0 || holdings.length > 0) return NO_MATCHES;
  const all = [...roles.values()];
  const found: TitleMatch[] = [];
  for (const title of titles) {
    const role = roleSuggestedByTitle(all, title);
    if (role && !found.some((m) => m.role === role)) found.push({ title, role });
  }
  return found.length === 0 ? NO_MATCHES : found;
}

const NO_ROLES: string[] = [];
const NO_MATCHES: TitleMatch[] = [];

/** Teams, their members and who serves whom. */
function resolveTeams(ctx: ResolveContext, people: Map<string, PersonNode>): Map<string, TeamNode> {
  const { model, report, known, unknown } = ctx;
  const teams = new Map<string, TeamNode>();
  checkDuplicates(model, model.teams, "team", report);
  for (const team of model.teams) {
    if (teams.has(team.id)) continue;
    const members: string[] = [];
    for (const [index, member] of (team.members ?? []).entries()) {
      const person = people.get(member);
      if (!person) {
        if (!known(people, member)) unknown(team, ["members", index], "person", member, people.keys());
        continue;
      }
      members.push(member);
      if (!person.teams.includes(team.id)) person.teams.push(team.id);
    }
    if (team.lead !== undefined && !known(people, team.lead))
      unknown(team, ["lead"], "person", team.lead, people.keys());
    teams.set(team.id, { id: team.id, source: team, members, serves: [], servedBy: [] });
  }
  for (const team of teams.values()) {
    for (const [index, served] of (team.source.serves ?? []).entries()) {
      const target = teams.get(served);
      if (!target) {
        if (!model.invalidIds.has(served))
          ctx.external(team.source, ["serves", index], "team", served, teams.keys());
        continue;
      }
      team.serves.push(served);
      target.servedBy.push(team.id);
    }
  }
  return teams;
}

/** Products and their teams; stakeholders who are people of the model. */
function resolveProducts(
  ctx: ResolveContext,
  teams: Map<string, TeamNode>,
  people: Map<string, PersonNode>,
  roles: Ids,
  activities: Ids,
) {
  const { model, report, known, unknown } = ctx;
  const products = new Map<string, ProductNode>();
  checkDuplicates(model, model.products, "product", report);
  for (const product of model.products) {
    if (products.has(product.id)) continue;
    const owned = known(teams, product.team);
    if (!owned) ctx.external(product, ["team"], "team", product.team, teams.keys());
    for (const [index, person] of (product.oversight ?? []).entries())
      if (!known(people, person)) unknown(product, ["oversight", index], "person", person, people.keys());
    products.set(product.id, {
      id: product.id,
      source: product,
      team: teams.has(product.team) ? product.team : undefined,
    });
  }

  const productsByTeam = new Map<string, string[]>();
  for (const product of products.values()) {
    if (product.team === undefined) continue;
    const list = productsByTeam.get(product.team);
    if (list) list.push(product.id);
    else productsByTeam.set(product.team, [product.id]);
  }

  for (const stakeholder of model.stakeholders) {
    if (stakeholder.person !== undefined && !known(people, stakeholder.person))
      unknown(stakeholder, ["person"], "person", stakeholder.person, people.keys());
  }
  checkDuplicates(model, model.openings, "opening", report);
  for (const opening of model.openings) {
    if (!known(roles, opening.role)) unknown(opening, ["role"], "role", opening.role, roles.keys());
    if (opening.team !== undefined && !known(teams, opening.team))
      unknown(opening, ["team"], "team", opening.team, teams.keys());
    if (opening.product !== undefined && !known(products, opening.product))
      unknown(opening, ["product"], "product", opening.product, products.keys());
  }
  checkDuplicates(model, model.onCall, "on-call rotation", report);
  for (const rotation of model.onCall) {
    if (rotation.activity !== undefined && !known(activities, rotation.activity))
      unknown(rotation, ["activity"], "activity", rotation.activity, activities.keys());
    if (rotation.team !== undefined && !known(teams, rotation.team))
      unknown(rotation, ["team"], "team", rotation.team, teams.keys());
    for (const [index, person] of rotation.people.entries())
      if (!known(people, person)) unknown(rotation, ["people", index], "person", person, people.keys());
  }
  return { products, productsByTeam };
}

const NO_SKILLS: Readonly<Record<string, number>> = Object.freeze({});

/** Shares out what explicit allocations leave among the roles that state none. */
function allocate(assignments: readonly RoleAssignment[]): RoleHolding[] {
  const holdings = assignments.map((a) =>
    typeof a === "string"
      ? { role: a, allocation: 0, explicit: false }
      : { role: a.role, allocation: a.allocation ?? 0, explicit: a.allocation !== undefined },
  );
  const implicit = holdings.filter((h) => !h.explicit);
  if (implicit.length > 0) {
    const stated = holdings.reduce((sum, h) => sum + (h.explicit ? h.allocation : 0), 0);
    const share = Math.max(0, 100 - stated) / implicit.length;
    for (const h of implicit) h.allocation = share;
  }
  return holdings;
}
