/**
 * A what-if's graph without resolving the model again: the graph as it is with some people away,
 * made by taking them out of what they touch — their teams, who holds which role and competency, and
 * the RACI rows that name them or a role they hold (re-resolved as resolveTeam resolves them) — and
 * sharing everything else with the graph as it is. The result is the graph `resolveTeam(model,
 * catalog, { absent })` gives; when it might not be (the graph was not resolved on its own, its
 * resolution reported something, or it left out people who are back in the scenario), there is none
 * and the caller resolves the model afresh.
 */

import {
  heldRoles,
  indexHolders,
  indexSkills,
  type ResolveContext,
  recordResolution,
  resolutionOf,
} from "./resolve-context.ts";
import { holdersByTeam, RaciRefs } from "./resolve-raci.ts";
import type { PersonNode, RaciCell, RaciEntry, TeamGraph, TeamNode } from "./types.ts";

/** What taking people away changed in a graph. */
export interface ScenarioChange {
  /** The graph with them away. */
  graph: TeamGraph;
  /** The people taken away, as they were in the graph. */
  removed: readonly PersonNode[];
  /** The RACI rows whose cells now stand for other people: as they were and as they are, in the RACI's order. */
  rows: readonly { before: RaciEntry; after: RaciEntry }[];
  /** The teams whose members changed. */
  teams: readonly string[];
  /** Whether who holds a role changed (`holders`, `teamRoles`). */
  holders: boolean;
  /** Whether who has a competency changed (`skilled`). */
  skilled: boolean;
  /** Whether the stakeholders changed. */
  stakeholders: boolean;
}

/** `graph` with the people of `away` away, or undefined when it is to be resolved afresh (see the module's header). */
export function withoutPeople(graph: TeamGraph, away: ReadonlySet<string>): ScenarioChange | undefined {
  const resolution = resolutionOf(graph);
  if (!resolution || resolution.diagnostics.length > 0 || resolution.references !== "standalone")
    return undefined;
  for (const id of resolution.absent) if (!away.has(id)) return undefined;
  const removed: PersonNode[] = [];
  for (const id of away) {
    const person = graph.people.get(id);
    if (person) removed.push(person);
  }
  const gone = new Set(removed.map((p) => p.id));
  const people = new Map([...graph.people].filter(([id]) => !gone.has(id)));
  const { teams, touched } = withoutMembers(graph, gone, removed);
  const holdersChanged = removed.some((p) => heldRoles(p).length > 0);
  const skilledChanged = removed.some((p) => Object.values(p.skills).some((level) => level >= 1));
  const holders = holdersChanged
    ? (withoutIds(graph.holders, gone, removed.flatMap(heldRoles)) ?? indexHolders(people))
    : graph.holders;
  const teamRoles = new Map(graph.teamRoles);
  for (const [id, byRole] of holdersByTeam(teams, people, touched)) teamRoles.set(id, byRole);
  const partial: TeamGraph = {
    ...graph,
    people,
    teams,
    holders,
    teamRoles,
    skilled: skilledChanged
      ? (withoutIds(
          graph.skilled,
          gone,
          removed.flatMap((p) => Object.keys(p.skills)),
        ) ?? indexSkills(people))
      : graph.skilled,
    stakeholders: graph.model.stakeholders.filter((s) => !away.has(s.person ?? "")),
  };
  const rows = reresolvedRows(graph, partial, away, removed);
  if (!rows) return undefined;
  const scenario = withRows(partial, rows);
  recordResolution(scenario, { absent: away, references: "standalone", diagnostics: [] });
  return {
    graph: scenario,
    removed,
    rows,
    teams: touched.map((t) => t.id),
    holders: holdersChanged,
    skilled: skilledChanged,
    stakeholders: scenario.stakeholders.length !== graph.stakeholders.length,
  };
}

/**
 * An index (role or competency → people, in the people's order) without the people gone, from the
 * lists of `keys` only; undefined when that would not be the index made afresh (one of them is the
 * first of a list others stay in, whose key would then come later).
 */
function withoutIds(
  index: ReadonlyMap<string, readonly string[]>,
  gone: ReadonlySet<string>,
  keys: readonly string[],
): Map<string, readonly string[]> | undefined {
  const out = new Map(index);
  for (const key of keys) {
    const list = out.get(key);
    if (!list) continue;
    const kept = list.filter((id) => !gone.has(id));
    if (kept.length === list.length) continue;
    if (kept.length === 0) out.delete(key);
    else if (gone.has(list[0] as string)) return undefined;
    else out.set(key, kept);
  }
  return out;
}

/** The teams without the people gone, and those whose members changed. */
function withoutMembers(graph: TeamGraph, gone: ReadonlySet<string>, removed: readonly PersonNode[]) {
  const changed = new Set(removed.flatMap((p) => p.teams));
  const teams = new Map<string, TeamNode>();
  const touched: TeamNode[] = [];
  for (const [id, team] of graph.teams) {
    if (!changed.has(id)) {
      teams.set(id, team);
      continue;
    }
    const node = { ...team, members: team.members.filter((m) => !gone.has(m)) };
    teams.set(id, node);
    touched.push(node);
  }
  return { teams, touched };
}

/** Which rows an absence may change: by the people their cells name, and by the roles and where they resolve them. */
interface RowIndex {
  byPerson: Map<string, Set<RaciEntry>>;
  /** Role → the team a row resolves it in (a product's team; "" for across the organisation) → the rows. */
  byRole: Map<string, Map<string, Set<RaciEntry>>>;
  /** Role → the teams whose rows resolve it across the organisation: no one in them or serving them holds it. */
  fallback: Map<string, string[]>;
}

const rowIndexes = new WeakMap<TeamGraph, RowIndex>();

function rowIndex(graph: TeamGraph): RowIndex {
  let index = rowIndexes.get(graph);
  if (index) return index;
  index = { byPerson: new Map(), byRole: new Map(), fallback: new Map() };
  const add = <K>(map: Map<K, Set<RaciEntry>>, key: K, entry: RaciEntry) => {
    const rows = map.get(key);
    if (rows) rows.add(entry);
    else map.set(key, new Set([entry]));
  };
  for (const entry of graph.raci) {
    const team = (entry.product === undefined ? undefined : graph.products.get(entry.product)?.team) ?? "";
    for (const { ref } of entry.cells) {
      if (ref.kind === "person") {
        add(index.byPerson, ref.id, entry);
        continue;
      }
      let byTeam = index.byRole.get(ref.id);
      if (!byTeam) {
        byTeam = new Map();
        index.byRole.set(ref.id, byTeam);
      }
      add(byTeam, team, entry);
    }
  }
  rowIndexes.set(graph, index);
  return index;
}

/** The teams whose rows resolve `role` across the organisation (as resolve-raci's holdersFor falls back). */
function fallbackTeams(graph: TeamGraph, index: RowIndex, role: string): string[] {
  let teams = index.fallback.get(role);
  if (!teams) {
    const holds = (team: string) => (graph.teamRoles.get(team)?.get(role)?.length ?? 0) > 0;
    teams = [...(index.byRole.get(role)?.keys() ?? [])].filter(
      (team) => team !== "" && !holds(team) && !(graph.teams.get(team)?.servedBy ?? []).some(holds),
    );
    index.fallback.set(role, teams);
  }
  return teams;
}

/**
 * The rows whose resolution may name `person`: those naming them, and those with a role they hold that
 * resolve it where they are — in their team, in a team their team serves, or across the organisation
 * (a row's role resolves in its product's team, else in the teams serving it, else everywhere: a row
 * whose level of that chain does not hold the person resolves the same without them).
 */
function rowsNaming(graph: TeamGraph, person: PersonNode, into: Set<RaciEntry>): void {
  const index = rowIndex(graph);
  for (const entry of index.byPerson.get(person.id) ?? []) into.add(entry);
  const served = person.teams.flatMap((t) => graph.teams.get(t)?.serves ?? []);
  for (const role of heldRoles(person)) {
    const byTeam = index.byRole.get(role);
    if (!byTeam) continue;
    for (const team of ["", ...person.teams, ...served, ...fallbackTeams(graph, index, role)])
      for (const entry of byTeam.get(team) ?? []) into.add(entry);
  }
}

/**
 * The rows whose cells stand for other people in `scenario` (its people, teams and holders already
 * without the people away): the rows naming one of them or a role they hold, resolved again; undefined
 * when resolving one reports a problem (then the model is to be resolved afresh).
 */
function reresolvedRows(
  graph: TeamGraph,
  scenario: TeamGraph,
  away: ReadonlySet<string>,
  removed: readonly PersonNode[],
): { before: RaciEntry; after: RaciEntry }[] | undefined {
  const candidates = new Set<RaciEntry>();
  for (const person of removed) rowsNaming(graph, person, candidates);
  if (candidates.size === 0) return [];
  let problem = false;
  const fail = () => {
    problem = true;
  };
  const { model } = graph;
  const ctx: ResolveContext = {
    model,
    absent: away,
    report: fail,
    warn: fail,
    known: (ids, id) => ids.has(id) || model.invalidIds.has(id) || away.has(id),
    unknown: fail,
    // Recorded in the graph's `external` already: the same whoever is away.
    external: () => {},
  };
  const refs = new RaciRefs(
    ctx,
    { ...scenario, holders: scenario.holders as ReadonlyMap<string, string[]> },
    scenario.teamRoles as ReadonlyMap<string, ReadonlyMap<string, string[]>>,
  );
  const rows: { before: RaciEntry; after: RaciEntry }[] = [];
  for (const entry of graph.raci) {
    if (!candidates.has(entry)) continue;
    const product =
      entry.product !== undefined && graph.products.has(entry.product) ? entry.product : undefined;
    const cells = refs.cells(entry.source, product);
    if (!sameCells(entry.cells, cells)) rows.push({ before: entry, after: { ...entry, cells } });
  }
  return problem ? undefined : rows;
}

/** Whether two resolutions of a row's cells name the same people in the same places. */
function sameCells(a: readonly RaciCell[], b: readonly RaciCell[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as RaciCell;
    const y = b[i] as RaciCell;
    if (x.letter !== y.letter || x.ref.kind !== y.ref.kind || x.ref.id !== y.ref.id) return false;
    if (x.people === y.people) continue;
    if (x.people.length !== y.people.length || x.people.some((p, k) => p !== y.people[k])) return false;
  }
  return true;
}

/** `scenario` with the changed rows in place of those they replace. */
function withRows(scenario: TeamGraph, rows: readonly { before: RaciEntry; after: RaciEntry }[]): TeamGraph {
  if (rows.length === 0) return scenario;
  const replaced = new Map(rows.map((r) => [r.before, r.after]));
  const swap = (entry: RaciEntry) => replaced.get(entry) ?? entry;
  const raciByActivity = new Map(scenario.raciByActivity);
  for (const activity of new Set(rows.map((r) => r.before.activity))) {
    const list = raciByActivity.get(activity);
    if (list) raciByActivity.set(activity, list.map(swap));
  }
  return { ...scenario, raci: scenario.raci.map(swap), raciByActivity };
}
