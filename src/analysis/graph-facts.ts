/**
 * The facts about a team graph that several rules read — who fills each RACI row, who does each
 * activity, each person's hats, the experts of each competency — worked out once, when first asked
 * for, and shared by every rule of a run: the engine hands them to each rule as `facts`. A row's
 * and a person's facts are kept with the row and the person themselves, so a what-if's graph that
 * keeps them (src/graph/scenario.ts) keeps their facts too. Pure: nothing here reads the world.
 */
import type { PersonNode, RaciEntry, TeamGraph } from "../graph/types.ts";
import type { Person, RaciLetter } from "../model/schema.ts";

/** Who a RACI row's R and A cells stand for, in the order of its cells (as `peopleWith` gives them). */
export interface RowPeople {
  readonly r: ReadonlySet<string>;
  readonly a: ReadonlySet<string>;
  /** R or A: who does or answers for the work. */
  readonly ra: ReadonlySet<string>;
}

const NOBODY: ReadonlySet<string> = new Set();
const rowPeople = new WeakMap<RaciEntry, RowPeople>();
const peopleSets = new WeakMap<readonly string[], ReadonlySet<string>>();
const personHats = new WeakMap<PersonNode, ReadonlySet<string>>();
const levelLists = new WeakMap<object, readonly (readonly [string, number])[]>();

/** The people of one cell as a set, shared by every cell that stands for the same list. */
function setOf(people: readonly string[]): ReadonlySet<string> {
  let set = peopleSets.get(people);
  if (!set) {
    set = new Set(people);
    peopleSets.set(people, set);
  }
  return set;
}

/** The distinct people of `entry`'s cells with `letter`. */
function lettered(entry: RaciEntry, letter: RaciLetter): ReadonlySet<string> {
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
  return union ?? (only ? setOf(only) : NOBODY);
}

/** Who `entry`'s R and A cells stand for (worked out once per row). */
export function rowPeopleOf(entry: RaciEntry): RowPeople {
  let row = rowPeople.get(entry);
  if (row) return row;
  const r = lettered(entry, "R");
  const a = lettered(entry, "A");
  const ra = a.size === 0 || a === r ? r : r.size === 0 ? a : new Set([...r, ...a]);
  row = { r, a, ra };
  rowPeople.set(entry, row);
  return row;
}

/** Every role a person holds: recorded under `roles`, else by job title (worked out once per person). */
export function hatsOf(person: PersonNode): ReadonlySet<string> {
  let held = personHats.get(person);
  if (!held) {
    held = new Set([...person.roles.map((r) => r.role), ...person.titleRoles]);
    personHats.set(person, held);
  }
  return held;
}

/** A competency → level record (a role's or an activity's needs) as a list, made once per record. */
export function levelsOf(
  record: Readonly<Record<string, number>> | undefined,
): readonly (readonly [string, number])[] {
  if (!record) return [];
  let list = levelLists.get(record);
  if (!list) {
    list = Object.entries(record);
    levelLists.set(record, list);
  }
  return list;
}

/** The facts of one graph; get them with {@link factsOf}. */
export class GraphFacts {
  readonly #graph: TeamGraph;
  readonly #doers = new Map<string, ReadonlySet<string>>();
  readonly #experts = new Map<string, Map<number, readonly string[]>>();
  #best: Map<string, number> | undefined;
  #unrecorded: Map<string, string[]> | undefined;
  #rows: Map<string, Map<string | undefined, RaciEntry>> | undefined;
  #sources: Map<string, Person> | undefined;
  #everyone: readonly PersonNode[] | undefined;
  readonly #near = new Map<string, ReadonlySet<string> | undefined>();

  constructor(graph: TeamGraph) {
    this.#graph = graph;
  }

  /** Everyone in the graph, in its order. */
  everyone(): readonly PersonNode[] {
    this.#everyone ??= [...this.#graph.people.values()];
    return this.#everyone;
  }

  /** Who `entry`'s R and A cells stand for. */
  row(entry: RaciEntry): RowPeople {
    return rowPeopleOf(entry);
  }

  /** The people R or A of any row of `activity`, in the rows' order. */
  doers(activity: string): ReadonlySet<string> {
    let doers = this.#doers.get(activity);
    if (!doers) {
      const set = new Set<string>();
      for (const entry of this.#graph.raciByActivity.get(activity) ?? [])
        for (const p of rowPeopleOf(entry).ra) set.add(p);
      doers = set;
      this.#doers.set(activity, doers);
    }
    return doers;
  }

  /** Every role `person` holds. */
  hats(person: PersonNode): ReadonlySet<string> {
    return hatsOf(person);
  }

  /** The best level anyone present has in `competency` (0 when nobody has it). */
  bestLevel(competency: string): number {
    if (!this.#best) {
      const { people, skilled } = this.#graph;
      this.#best = new Map();
      for (const [c, holders] of skilled) {
        let best = 0;
        for (const p of holders) best = Math.max(best, people.get(p)?.skills[c] ?? 0);
        this.#best.set(c, best);
      }
    }
    return this.#best.get(competency) ?? 0;
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
      const { people, roles } = this.#graph;
      const byCompetency = new Map<string, string[]>();
      for (const person of people.values()) {
        const recorded = person.source.skills ?? {};
        const needed = new Set<string>();
        for (const role of hatsOf(person))
          for (const [c, level] of levelsOf(roles.get(role)?.competencies))
            if (level > 0 && !(c in recorded)) needed.add(c);
        for (const c of needed) {
          const list = byCompetency.get(c);
          if (list) list.push(person.id);
          else byCompetency.set(c, [person.id]);
        }
      }
      this.#unrecorded = byCompetency;
    }
    return this.#unrecorded.get(competency) ?? [];
  }

  /** The RACI row that applies to `activity` for `product`: its own row, else the general one. */
  rowFor(activity: string, product: string): RaciEntry | undefined {
    if (!this.#rows) {
      this.#rows = new Map();
      for (const [id, entries] of this.#graph.raciByActivity) {
        const byProduct = new Map<string | undefined, RaciEntry>();
        for (const entry of entries) if (!byProduct.has(entry.product)) byProduct.set(entry.product, entry);
        this.#rows.set(id, byProduct);
      }
    }
    const byProduct = this.#rows.get(activity);
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

/** The facts of `graph`, made once per graph. */
export function factsOf(graph: TeamGraph): GraphFacts {
  let facts = cache.get(graph);
  if (!facts) {
    facts = new GraphFacts(graph);
    cache.set(graph, facts);
  }
  return facts;
}
