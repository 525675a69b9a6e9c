/**
 * The facts about a team graph that several rules read — who fills each RACI row, who does each
 * activity, each person's hats, the experts of each competency — worked out once, when first asked
 * for, and shared by every rule of a run: the engine hands them to each rule as `facts`. A what-if's
 * graph, made from the graph as it is, shares the facts of the rows and people it keeps with it.
 * Pure: nothing here reads the world.
 */
import type { PersonNode, RaciEntry, TeamGraph } from "../graph/types.ts";
import type { Person, RaciLetter } from "../model/schema.ts";
/** Who a RACI row's R and A cells stand for, in the order of its cells (as `peopleWith` gives them). */
export interface RowPeople {
  readonly r: ReadonlySet<string>;
  readonly a: ReadonlySet<string>;
  /** R or A: who does or answers for the work (made when first read). */
  readonly ra: ReadonlySet<string>;
}

class Row implements RowPeople {
  #ra: ReadonlySet<string> | undefined;

  constructor(
    readonly r: ReadonlySet<string>,
    readonly a: ReadonlySet<string>,
  ) {}

  get ra(): ReadonlySet<string> {
    const { r, a } = this;
    this.#ra ??= a.size === 0 || a === r ? r : r.size === 0 ? a : new Set([...r, ...a]);
    return this.#ra;
  }
}

type Levels = readonly (readonly [string, number])[];

const NOBODY: ReadonlySet<string> = new Set();
const NO_LEVELS: Levels = [];

/** The facts of one graph; get them with {@link factsOf}. */
export class GraphFacts {
  readonly #graph: TeamGraph;
  /** The facts of the graph this one was made from (a what-if's), for the rows and people they share. */
  readonly #parent: GraphFacts | undefined;
  readonly #rows = new Map<RaciEntry, RowPeople>();
  readonly #sets = new Map<readonly string[], ReadonlySet<string>>();
  readonly #hats = new Map<PersonNode, readonly string[]>();
  readonly #oneHat = new Map<string, readonly string[]>();
  readonly #levels = new Map<object, Levels>();
  readonly #doers = new Map<string, ReadonlySet<string>>();
  readonly #experts = new Map<string, Map<number, readonly string[]>>();
  readonly #best = new Map<string, number>();
  #unrecorded: Map<string, string[]> | undefined;
  #byProduct: Map<string, Map<string | undefined, RaciEntry>> | undefined;
  #sources: Map<string, Person> | undefined;
  #everyone: readonly PersonNode[] | undefined;
  readonly #near = new Map<string, ReadonlySet<string> | undefined>();

  constructor(graph: TeamGraph, parent?: GraphFacts) {
    this.#graph = graph;
    this.#parent = parent;
  }

  /** Everyone in the graph, in its order. */
  everyone(): readonly PersonNode[] {
    this.#everyone ??= [...this.#graph.people.values()];
    return this.#everyone;
  }

  /** Who `entry`'s R and A cells stand for (worked out once per row). */
  row(entry: RaciEntry): RowPeople {
    let row = this.#rows.get(entry) ?? this.#parent?.sharedRow(entry);
    if (row) return row;
    row = new Row(this.#lettered(entry, "R"), this.#lettered(entry, "A"));
    this.#rows.set(entry, row);
    return row;
  }

  /** The row's facts when worked out already (for a what-if's facts made from these). */
  sharedRow(entry: RaciEntry): RowPeople | undefined {
    return this.#rows.get(entry);
  }

  /** The person's hats when worked out already (for a what-if's facts made from these). */
  sharedHats(person: PersonNode): readonly string[] | undefined {
    return this.#hats.get(person);
  }

  /** The distinct people of `entry`'s cells with `letter`: one cell's list as a set shared by every cell with that list. */
  #lettered(entry: RaciEntry, letter: RaciLetter): ReadonlySet<string> {
    let only: readonly string[] | undefined;
    let union: Set<string> | undefined;
    for (const cell of entry.cells) {
      if (cell.letter !== letter || cell.people.length === 0) continue;
      if (only === undefined && union === undefined) only = cell.people;
      else {
        union ??= new Set(only);
        for (const p of cell.people) union.add(p);
      }
    }
    if (union) return union;
    if (!only) return NOBODY;
    let set = this.#sets.get(only);
    if (!set) {
      set = new Set(only);
      this.#sets.set(only, set);
    }
    return set;
  }

  /**
   * Every role a person holds, each once: recorded under `roles`, then by job title. People who hold
   * one recorded role (most) share one list per role.
   */
  hats(person: PersonNode): readonly string[] {
    const { roles, titleRoles } = person;
    if (roles.length === 1 && titleRoles.length === 0) {
      const role = (roles[0] as { role: string }).role;
      let one = this.#oneHat.get(role);
      if (!one) {
        one = [role];
        this.#oneHat.set(role, one);
      }
      return one;
    }
    let held = this.#hats.get(person) ?? this.#parent?.sharedHats(person);
    if (!held) {
      held = [...new Set([...roles.map((r) => r.role), ...titleRoles])];
      this.#hats.set(person, held);
    }
    return held;
  }

  /** The levels a role needs, as a list (the catalog's record, or a custom role's). */
  roleNeeds(role: string): Levels {
    return this.#levelsOf(this.#graph.roles.get(role)?.competencies);
  }

  /** The levels an activity needs, as a list. */
  activityNeeds(activity: string): Levels {
    return this.#levelsOf(this.#graph.activities.get(activity)?.competencies);
  }

  #levelsOf(record: Readonly<Record<string, number>> | undefined): Levels {
    if (!record) return NO_LEVELS;
    let list = this.#levels.get(record);
    if (!list) {
      list = Object.entries(record);
      this.#levels.set(record, list);
    }
    return list;
  }

  /** The people R or A of any row of `activity`, in the rows' order. */
  doers(activity: string): ReadonlySet<string> {
    let doers = this.#doers.get(activity);
    if (!doers) {
      const set = new Set<string>();
      for (const entry of this.#graph.raciByActivity.get(activity) ?? [])
        for (const p of this.row(entry).ra) set.add(p);
      doers = set;
      this.#doers.set(activity, doers);
    }
    return doers;
  }

  /** The best level anyone present has in `competency` (0 when nobody has it). */
  bestLevel(competency: string): number {
    let best = this.#best.get(competency);
    if (best === undefined) {
      const { people, skilled } = this.#graph;
      best = 0;
      for (const p of skilled.get(competency) ?? [])
        best = Math.max(best, people.get(p)?.skills[competency] ?? 0);
      this.#best.set(competency, best);
    }
    return best;
  }

  /** The people with `competency` at `level` or above, in the order of `graph.skilled`. */
  experts(competency: string, level: number): readonly string[] {
    let byLevel = this.#experts.get(competency);
    if (!byLevel) {
      byLevel = new Map();
      this.#experts.set(competency, byLevel);
    }
    let experts = byLevel.get(level);
    if (!experts) {
      const { people } = this.#graph;
      experts = (this.#graph.skilled.get(competency) ?? []).filter(
        (p) => (people.get(p)?.skills[competency] ?? 0) >= level,
      );
      byLevel.set(level, experts);
    }
    return experts;
  }

  /** The people holding a role that needs `competency` with no level recorded for it, in the graph's order. */
  unrecorded(competency: string): readonly string[] {
    if (!this.#unrecorded) {
      const { people } = this.#graph;
      const byCompetency = new Map<string, string[]>();
      for (const person of people.values()) {
        const recorded = person.source.skills ?? {};
        for (const role of this.hats(person))
          for (const [c, level] of this.roleNeeds(role)) {
            if (level <= 0 || c in recorded) continue;
            const list = byCompetency.get(c);
            if (!list) byCompetency.set(c, [person.id]);
            else if (list.at(-1) !== person.id) list.push(person.id);
          }
      }
      this.#unrecorded = byCompetency;
    }
    return this.#unrecorded.get(competency) ?? [];
  }

  /** The RACI row that applies to `activity` for `product`: its own row, else the general one. */
  rowFor(activity: string, product: string): RaciEntry | undefined {
    if (!this.#byProduct) {
      this.#byProduct = new Map();
      for (const [id, entries] of this.#graph.raciByActivity) {
        const byProduct = new Map<string | undefined, RaciEntry>();
        for (const entry of entries) if (!byProduct.has(entry.product)) byProduct.set(entry.product, entry);
        this.#byProduct.set(id, byProduct);
      }
    }
    const byProduct = this.#byProduct.get(activity);
    return byProduct?.get(product) ?? byProduct?.get(undefined);
  }

  /** The person as the model writes them (also when a what-if has taken them out of the graph). */
  personSource(id: string): Person | undefined {
    const present = this.#graph.people.get(id);
    if (present) return present.source;
    if (!this.#sources) {
      this.#sources = new Map();
      for (const p of this.#graph.model.people) if (!this.#sources.has(p.id)) this.#sources.set(p.id, p);
    }
    return this.#sources.get(id);
  }

  /** Whether a person works for the organisation from outside it: a contractor or a vendor. */
  isExternal(id: string): boolean {
    const employment = this.personSource(id)?.employment;
    return employment === "contractor" || employment === "vendor";
  }

  /** The people of a product's team and of the teams serving it; undefined (anyone) for a team-wide row. */
  nearPeople(product: string | undefined): ReadonlySet<string> | undefined {
    const { products, teams } = this.#graph;
    const team = product === undefined ? undefined : products.get(product)?.team;
    if (team === undefined) return undefined;
    if (this.#near.has(team)) return this.#near.get(team);
    const node = teams.get(team);
    const near = new Set(node?.members ?? []);
    for (const serving of node?.servedBy ?? [])
      for (const p of teams.get(serving)?.members ?? []) near.add(p);
    this.#near.set(team, near);
    return near;
  }
}

const cache = new WeakMap<TeamGraph, GraphFacts>();

/**
 * The facts of `graph`, made once per graph; for a what-if's graph made `from` another, sharing the
 * facts of the rows and people the two have in common.
 */
export function factsOf(graph: TeamGraph, from?: TeamGraph): GraphFacts {
  let facts = cache.get(graph);
  if (!facts) {
    facts = new GraphFacts(graph, from && cache.get(from));
    cache.set(graph, facts);
  }
  return facts;
}
