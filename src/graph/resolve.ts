/**
 * Resolves a model against the catalog into the team graph, checking every reference and id on
 * the way. References that do not resolve become located diagnostics, never exceptions.
 */

import type { Catalog } from "../catalog/index.ts";
import type { Diagnostic, DiagnosticCode } from "../model/diagnostic.ts";
import { formatPath } from "../model/diagnostic.ts";
import type { Model } from "../model/model.ts";
import { parseRaciRef } from "../model/raci-ref.ts";
import { RACI_LETTERS, type RaciLetter, type RaciRow, type RoleAssignment } from "../model/schema.ts";
import { didYouMean } from "../model/suggest.ts";
import type { PathKey } from "../model/yaml-source.ts";
import { mergeCatalog } from "./catalog-merge.ts";
import type {
  PersonNode,
  ProductNode,
  RaciCell,
  RaciEntry,
  RaciRef,
  RoleHolding,
  TeamGraph,
  TeamNode,
} from "./types.ts";

export interface ResolveOptions {
  /** People to leave out as if away (what-if): they hold nothing, and references to them stay valid. */
  absent?: ReadonlySet<string>;
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
  const report = (node: object, path: PathKey[], code: DiagnosticCode, message: string, target?: "key") => {
    const at = model.locate(node, path, target);
    const origin = model.origin(node);
    const where = origin ? formatPath([...origin.path, ...path]) : formatPath(path);
    diagnostics.push({ ...at, severity: "error", code, message: `${where}: ${message}` });
  };
  const known = (ids: ReadonlySet<string> | ReadonlyMap<string, unknown>, id: string) =>
    ids.has(id) || model.invalidIds.has(id) || absent.has(id);
  const unknown = (
    node: object,
    path: PathKey[],
    what: string,
    id: string,
    candidates: Iterable<string>,
    target?: "key",
  ) =>
    report(node, path, "unknown-reference", `unknown ${what} "${id}"${didYouMean(id, candidates)}`, target);

  const { roles, activities, competencies } = mergeCatalog(catalog, model);
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

  // Evidence patterns name activities.
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

  // People
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
    for (const [index, absence] of (person.absences ?? []).entries()) {
      if (absence.to < absence.from)
        report(
          person,
          ["absences", index, "to"],
          "schema",
          `the absence ends (${absence.to}) before it starts (${absence.from})`,
        );
    }
    people.set(person.id, {
      id: person.id,
      name: person.name,
      source: person,
      roles: holdings,
      allocation: holdings.reduce((sum, h) => sum + h.allocation, 0),
      skills,
      teams: [],
    });
  }
  for (const person of model.people) {
    if (person.reportsTo !== undefined && !known(people, person.reportsTo))
      unknown(person, ["reportsTo"], "person", person.reportsTo, people.keys());
  }

  const skilled = new Map<string, string[]>();
  for (const person of people.values()) {
    for (const competency in person.skills) {
      if ((person.skills[competency] ?? 0) < 1) continue;
      const list = skilled.get(competency);
      if (list) list.push(person.id);
      else skilled.set(competency, [person.id]);
    }
  }

  const holders = new Map<string, string[]>();
  for (const person of people.values()) {
    for (const holding of person.roles) {
      const list = holders.get(holding.role);
      if (!list) holders.set(holding.role, [person.id]);
      else if (list.at(-1) !== person.id) list.push(person.id);
    }
  }

  // Teams
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
          unknown(team.source, ["serves", index], "team", served, teams.keys());
        continue;
      }
      team.serves.push(served);
      target.servedBy.push(team.id);
    }
  }

  // Products
  const products = new Map<string, ProductNode>();
  checkDuplicates(model, model.products, "product", report);
  for (const product of model.products) {
    if (products.has(product.id)) continue;
    const owned = known(teams, product.team);
    if (!owned) unknown(product, ["team"], "team", product.team, teams.keys());
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

  // RACI. A product row resolves a role to its holders in the product's own team, else in the
  // teams that serve it, else to every holder.
  const teamHolders = new Map<string, Map<string, string[]>>();
  for (const team of teams.values()) {
    const byRole = new Map<string, string[]>();
    for (const member of team.members) {
      for (const holding of (people.get(member) as PersonNode).roles) {
        const list = byRole.get(holding.role);
        if (!list) byRole.set(holding.role, [member]);
        else if (!list.includes(member)) list.push(member);
      }
    }
    teamHolders.set(team.id, byRole);
  }
  const scopedHolders = new Map<string, Map<string, readonly string[]>>(); // product → role → people
  const holdersFor = (role: string, product: string | undefined): readonly string[] => {
    const all = holders.get(role) ?? [];
    const team = product === undefined ? undefined : products.get(product)?.team;
    if (team === undefined) return all;
    let byRole = scopedHolders.get(product as string);
    if (!byRole) {
      byRole = new Map();
      scopedHolders.set(product as string, byRole);
    }
    let scoped = byRole.get(role);
    if (!scoped) {
      const node = teams.get(team) as TeamNode;
      const own = teamHolders.get(node.id)?.get(role) ?? [];
      const serving = new Set(node.servedBy.flatMap((id) => teamHolders.get(id)?.get(role) ?? []));
      scoped = own.length > 0 ? own : serving.size > 0 ? [...serving] : all;
      byRole.set(role, scoped);
    }
    return scoped;
  };
  const refCandidates = () => [...roles.keys(), ...people.keys()];
  const interned = { role: new Map<string, RaciRef>(), person: new Map<string, RaciRef>() };
  const intern = (kind: RaciRef["kind"], id: string): RaciRef => {
    let ref = interned[kind].get(id);
    if (!ref) {
      ref = { kind, id };
      interned[kind].set(id, ref);
    }
    return ref;
  };
  const resolveRef = (row: RaciRow, path: PathKey[], raw: string): RaciRef | undefined => {
    const { kind, id } = parseRaciRef(raw);
    if (kind) {
      const pool = kind === "role" ? roles : people;
      if (pool.has(id) || (kind === "person" && absent.has(id))) return intern(kind, id);
      if (!model.invalidIds.has(id)) unknown(row, path, kind, id, pool.keys());
      return undefined;
    }
    const isRole = roles.has(raw);
    const isPerson = people.has(raw) || absent.has(raw);
    if (isRole && isPerson) {
      report(
        row,
        path,
        "ambiguous-reference",
        `"${raw}" is both a role and a person; write role:${raw} or person:${raw}`,
      );
      return undefined;
    }
    if (isRole) return intern("role", raw);
    if (isPerson) return intern("person", raw);
    if (!model.invalidIds.has(raw)) unknown(row, path, "role or person", raw, refCandidates());
    return undefined;
  };

  const peopleOf = (ref: RaciRef, product: string | undefined) =>
    ref.kind === "role" ? holdersFor(ref.id, product) : absent.has(ref.id) ? [] : [ref.id];
  const raci: RaciEntry[] = [];
  const raciByActivity = new Map<string, RaciEntry[]>();
  const rowKeys = new Map<string, Map<string, RaciRow>>(); // activity → product ("" for none) → row
  for (const row of model.raci) {
    const activityKnown = known(activities, row.activity);
    if (!activityKnown) unknown(row, ["activity"], "activity", row.activity, activities.keys());
    if (row.product !== undefined && !known(products, row.product))
      unknown(row, ["product"], "product", row.product, products.keys());
    let byProduct = rowKeys.get(row.activity);
    if (!byProduct) {
      byProduct = new Map();
      rowKeys.set(row.activity, byProduct);
    }
    const first = byProduct.get(row.product ?? "");
    if (first) {
      const at = model.locate(first);
      report(
        row,
        ["activity"],
        "duplicate-id",
        `activity "${row.activity}"${row.product ? ` for product "${row.product}"` : ""} already has a RACI row at ${at.file}:${at.line}:${at.column}; merge the two rows`,
      );
      continue;
    }
    byProduct.set(row.product ?? "", row);
    const cells: RaciCell[] = [];
    const product = row.product !== undefined && products.has(row.product) ? row.product : undefined;
    for (const letter of RACI_LETTERS) {
      const value = row[letter];
      if (value === undefined) continue;
      if (typeof value === "string") {
        const ref = resolveRef(row, [letter], value);
        if (ref) cells.push(new Cell(letter, ref, peopleOf(ref, product), -1));
        continue;
      }
      for (let index = 0; index < value.length; index++) {
        const ref = resolveRef(row, [letter, index], value[index] as string);
        if (ref) cells.push(new Cell(letter, ref, peopleOf(ref, product), index));
      }
    }
    const entry: RaciEntry = { source: row, activity: row.activity, product: row.product, cells };
    raci.push(entry);
    if (activityKnown) {
      const list = raciByActivity.get(row.activity);
      if (list) list.push(entry);
      else raciByActivity.set(row.activity, [entry]);
    }
  }

  const graph: TeamGraph = {
    model,
    organisation: model.organisation,
    roles,
    activities,
    competencies,
    topologies: catalog.topologies,
    people,
    teams,
    products,
    names: new Map(model.people.map((p) => [p.id, p.name])),
    holders,
    teamRoles: teamHolders,
    skilled,
    productsByTeam,
    raci,
    raciByActivity,
    stakeholders:
      absent.size === 0 ? model.stakeholders : model.stakeholders.filter((s) => !absent.has(s.person ?? "")),
  };
  return { graph, diagnostics };
}

const NO_SKILLS: Readonly<Record<string, number>> = Object.freeze({});

/** A RACI cell; its path in the row is derived on demand (there are millions in a large model). */
class Cell implements RaciCell {
  constructor(
    readonly letter: RaciLetter,
    readonly ref: RaciRef,
    readonly people: readonly string[],
    private readonly index: number,
  ) {}

  get path(): PathKey[] {
    return this.index === -1 ? [this.letter] : [this.letter, this.index];
  }
}

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

function checkDuplicates(
  model: Model,
  list: readonly { id: string }[],
  what: string,
  report: (node: object, path: PathKey[], code: DiagnosticCode, message: string) => void,
): void {
  const first = new Map<string, object>();
  for (const item of list) {
    const earlier = first.get(item.id);
    if (!earlier) {
      first.set(item.id, item);
      continue;
    }
    const at = model.locate(earlier, ["id"]);
    report(
      item,
      ["id"],
      "duplicate-id",
      `duplicate ${what} id "${item.id}", first defined at ${at.file}:${at.line}:${at.column}`,
    );
  }
}
