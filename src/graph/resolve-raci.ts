/**
 * The RACI rows resolved: each cell's reference (a role or a person) and the people it stands for.
 * A product row resolves a role to its holders in the product's own team, else in the teams that
 * serve it, else to every holder.
 */

import { parseRaciRef } from "../model/raci-ref.ts";
import type { RaciLetter, RaciRow } from "../model/schema.ts";
import { RACI_LETTERS } from "../model/schema.ts";
import type { PathKey } from "../model/yaml-source.ts";
import { heldRoles, type ResolveContext } from "./resolve-context.ts";
import type { PersonNode, ProductNode, RaciCell, RaciEntry, RaciRef, TeamNode } from "./types.ts";

export interface RaciInputs {
  roles: ReadonlyMap<string, unknown>;
  activities: ReadonlyMap<string, unknown>;
  people: ReadonlyMap<string, PersonNode>;
  teams: ReadonlyMap<string, TeamNode>;
  products: ReadonlyMap<string, ProductNode>;
  holders: ReadonlyMap<string, string[]>;
}

export function resolveRaci(ctx: ResolveContext, inputs: RaciInputs) {
  const { model, report, known, unknown } = ctx;
  const { activities, products } = inputs;
  const teamHolders = holdersByTeam(inputs.teams, inputs.people);
  const refs = new RaciRefs(ctx, inputs, teamHolders);
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
    const product = row.product !== undefined && products.has(row.product) ? row.product : undefined;
    const cells = refs.cells(row, product);
    const entry: RaciEntry = { source: row, activity: row.activity, product: row.product, cells };
    raci.push(entry);
    if (activityKnown) {
      const list = raciByActivity.get(row.activity);
      if (list) list.push(entry);
      else raciByActivity.set(row.activity, [entry]);
    }
  }
  return { raci, raciByActivity, teamHolders };
}

/** Team → role → the team's members who hold it, in member order (for `teams`, every team by default). */
export function holdersByTeam(
  teams: ReadonlyMap<string, TeamNode>,
  people: ReadonlyMap<string, PersonNode>,
  only: Iterable<TeamNode> = teams.values(),
): Map<string, Map<string, string[]>> {
  const teamHolders = new Map<string, Map<string, string[]>>();
  for (const team of only) {
    const byRole = new Map<string, string[]>();
    for (const member of team.members) {
      for (const role of heldRoles(people.get(member) as PersonNode)) {
        const list = byRole.get(role);
        if (!list) byRole.set(role, [member]);
        else if (!list.includes(member)) list.push(member);
      }
    }
    teamHolders.set(team.id, byRole);
  }
  return teamHolders;
}

/**
 * Resolves the references of RACI cells to roles or people (each reference made once) and to the
 * people they stand for, caching a role's holders per product. A what-if re-resolves with it the
 * rows the people away are named in (scenario.ts).
 */
export class RaciRefs {
  private readonly model: ResolveContext["model"];
  private readonly absent: ReadonlySet<string>;
  private readonly report: ResolveContext["report"];
  private readonly unknown: ResolveContext["unknown"];
  private readonly external: ResolveContext["external"];
  private readonly roles: ReadonlyMap<string, unknown>;
  private readonly people: ReadonlyMap<string, PersonNode>;
  private readonly teams: ReadonlyMap<string, TeamNode>;
  private readonly products: ReadonlyMap<string, ProductNode>;
  private readonly holders: ReadonlyMap<string, string[]>;
  private readonly scopedHolders = new Map<string, Map<string, readonly string[]>>(); // product → role → people
  private readonly byScope = new WeakMap<ReadonlySet<string>, Map<string, readonly string[]>>();
  private readonly interned = { role: new Map<string, RaciRef>(), person: new Map<string, RaciRef>() };
  private readonly written = new Map<string, RaciRef>();

  constructor(
    ctx: ResolveContext,
    inputs: RaciInputs,
    private readonly teamHolders: ReadonlyMap<string, ReadonlyMap<string, string[]>>,
  ) {
    this.model = ctx.model;
    this.absent = ctx.absent;
    this.report = ctx.report;
    this.unknown = ctx.unknown;
    this.external = ctx.external;
    this.roles = inputs.roles;
    this.people = inputs.people;
    this.teams = inputs.teams;
    this.products = inputs.products;
    this.holders = inputs.holders;
  }

  /** The resolved cells of `row`, in letter order; a reference that does not resolve is reported and left out. */
  cells(row: RaciRow, product: string | undefined): RaciCell[] {
    const cells: RaciCell[] = [];
    const scope = this.model.scope?.(row);
    for (const letter of RACI_LETTERS) {
      const value = row[letter];
      if (value === undefined) continue;
      if (typeof value === "string") {
        const ref = this.refOf(row, letter, -1, value);
        if (ref) cells.push(new Cell(letter, ref, this.peopleOf(ref, product, letter, scope), -1));
        continue;
      }
      for (let index = 0; index < value.length; index++) {
        const ref = this.refOf(row, letter, index, value[index] as string);
        if (ref) cells.push(new Cell(letter, ref, this.peopleOf(ref, product, letter, scope), index));
      }
    }
    return cells;
  }

  /**
   * What `raw` (written in `row` under `letter`, at `index` in a list) names, worked out once per
   * reference as written: what it resolves to does not depend on the row, and one that does not
   * resolve is reported where it is written, each time.
   */
  private refOf(row: RaciRow, letter: RaciLetter, index: number, raw: string): RaciRef | undefined {
    const known = this.written.get(raw);
    if (known) return known;
    const ref = this.resolve(row, index === -1 ? [letter] : [letter, index], raw);
    if (ref) this.written.set(raw, ref);
    return ref;
  }

  /** What `raw` names: `role:x` / `person:x`, else a role or a person by id; undefined (reported) when none. */
  private resolve(row: RaciRow, path: PathKey[], raw: string): RaciRef | undefined {
    const { roles, people, absent, model, report, unknown } = this;
    const { kind, id } = parseRaciRef(raw);
    if (kind) {
      const pool = kind === "role" ? roles : people;
      if (pool.has(id) || (kind === "person" && absent.has(id))) return this.intern(kind, id);
      if (model.invalidIds.has(id)) return undefined;
      if (kind === "person" && consulted(path)) this.external(row, path, "person", id, pool.keys());
      else unknown(row, path, kind, id, pool.keys());
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
    if (isRole) return this.intern("role", raw);
    if (isPerson) return this.intern("person", raw);
    if (model.invalidIds.has(raw)) return undefined;
    const candidates = [...roles.keys(), ...people.keys()];
    // Someone consulted or informed may sit in another team of the organisation.
    if (consulted(path)) this.external(row, path, "person", raw, candidates);
    else unknown(row, path, "role or person", raw, candidates);
    return undefined;
  }

  /** The holders of `role` within `scope`, computed once per scope. */
  private scoped(role: string, scope: ReadonlySet<string>): readonly string[] {
    const byRole = this.byScope.get(scope) ?? new Map<string, readonly string[]>();
    this.byScope.set(scope, byRole);
    const list = byRole.get(role) ?? (this.holders.get(role) ?? []).filter((id) => scope.has(id));
    byRole.set(role, list);
    return list;
  }

  /** The holders of `role` in the teams serving `node`, each once; undefined when none holds it. */
  private servingHolders(node: TeamNode, role: string): readonly string[] | undefined {
    const serving = new Set(node.servedBy.flatMap((id) => this.teamHolders.get(id)?.get(role) ?? []));
    return serving.size > 0 ? [...serving] : undefined;
  }

  private intern(kind: RaciRef["kind"], id: string): RaciRef {
    let ref = this.interned[kind].get(id);
    if (!ref) {
      ref = { kind, id };
      this.interned[kind].set(id, ref);
    }
    return ref;
  }

  /** The people `ref` stands for; an Accountable is a commitment, so never someone who holds the role by title only. */
  private peopleOf(
    ref: RaciRef,
    product: string | undefined,
    letter: RaciLetter,
    scope: ReadonlySet<string> | undefined,
  ): readonly string[] {
    if (ref.kind === "person") return this.absent.has(ref.id) ? [] : [ref.id];
    const holders = this.holdersFor(ref.id, product, scope);
    if (letter !== "A") return holders;
    const byTitle = (id: string) => this.people.get(id)?.titleRoles.includes(ref.id) === true;
    return holders.some(byTitle) ? holders.filter((id) => !byTitle(id)) : holders;
  }

  /**
   * Who holds `role` for `product`: in its own team, else in the teams serving it, else anyone (in
   * the organisation, anyone within the row's scope: see `Model.scope`).
   */
  private holdersFor(
    role: string,
    product: string | undefined,
    scope: ReadonlySet<string> | undefined,
  ): readonly string[] {
    const all = () => (scope ? this.scoped(role, scope) : (this.holders.get(role) ?? []));
    const team = product === undefined ? undefined : this.products.get(product)?.team;
    if (team === undefined) return all();
    let byRole = this.scopedHolders.get(product as string);
    if (!byRole) {
      byRole = new Map();
      this.scopedHolders.set(product as string, byRole);
    }
    let scoped = byRole.get(role);
    if (!scoped) {
      const node = this.teams.get(team) as TeamNode;
      const own = this.teamHolders.get(node.id)?.get(role) ?? [];
      scoped = own.length > 0 ? own : (this.servingHolders(node, role) ?? all());
      byRole.set(role, scoped);
    }
    return scoped;
  }
}

/** Whether a cell's path is in the C or I column (which may name people of other teams). */
const consulted = (path: PathKey[]): boolean => path[0] === "C" || path[0] === "I";

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
