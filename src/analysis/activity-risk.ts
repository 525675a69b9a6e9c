/**
 * Which activities have nobody, or rest on one person with nobody able to step in: the facts behind
 * risk/single-point-of-failure and risk/absence-coverage, worked out once per graph so the two
 * rules never report the same (activity, person) risk twice.
 */
import type { RaciEntry, TeamGraph } from "../graph/types.ts";
import { hasProduction, peopleWith } from "./facts.ts";

export interface RowRisk {
  entry: RaciEntry;
  /** Production-critical work while a product runs in production. */
  critical: boolean;
}

export interface UncoveredRow extends RowRisk {
  /** The letters the row names but nobody fills. */
  missing: ("R" | "A")[];
}

export interface ActivityRisks {
  uncovered: UncoveredRow[];
  /** Person → the rows that rest on them alone, with nobody assigned or skilled to step in. */
  restsOn: Map<string, RowRisk[]>;
}

const cache = new WeakMap<TeamGraph, ActivityRisks>();

/**
 * Leadership activities (the roadmap, the backlog, sponsorship…) belong to one person by design
 * (002: one outside-to-inside, one inside-to-outside, one tech lead); only the same person wearing
 * several of those hats is a risk (staffing/conflicting-hats).
 */
const OWNED_BY_DESIGN = new Set(["leadership"]);

export function activityRisks(graph: TeamGraph): ActivityRisks {
  const cached = cache.get(graph);
  if (cached) return cached;
  const production = hasProduction(graph);
  const capableByActivity = new Map<string, string[]>();
  const result: ActivityRisks = { uncovered: [], restsOn: new Map() };
  for (const entry of graph.raci) {
    const activity = graph.activities.get(entry.activity);
    const critical = production && activity?.productionCritical === true;
    const missing = (["R", "A"] as const).filter(
      (letter) => entry.cells.some((c) => c.letter === letter) && peopleWith(entry, [letter]).size === 0,
    );
    if (missing.length > 0) {
      result.uncovered.push({ entry, critical, missing });
      continue;
    }
    if (activity && OWNED_BY_DESIGN.has(activity.area)) continue;
    const people = peopleWith(entry, ["R", "A"]);
    if (people.size !== 1) continue;
    const [person] = people as unknown as [string];
    let capable = capableByActivity.get(entry.activity);
    if (!capable) {
      capable = capablePeople(graph, entry.activity);
      capableByActivity.set(entry.activity, capable);
    }
    // Someone else with the skills can step in: anyone for a team-wide row; for a product's row,
    // someone in the product's team or a team that serves it (as the row's roles resolve).
    const near = nearPeople(graph, entry.product);
    if (capable.some((p) => p !== person && (near === undefined || near.has(p)))) continue;
    const list = result.restsOn.get(person);
    if (list) list.push({ entry, critical });
    else result.restsOn.set(person, [{ entry, critical }]);
  }
  cache.set(graph, result);
  return result;
}

/** The people of a product's team and the teams serving it; undefined (anyone) for a team-wide row. */
function nearPeople(graph: TeamGraph, product: string | undefined): Set<string> | undefined {
  const team = product === undefined ? undefined : graph.products.get(product)?.team;
  if (team === undefined) return undefined;
  const node = graph.teams.get(team);
  const near = new Set(node?.members ?? []);
  for (const serving of node?.servedBy ?? [])
    for (const p of graph.teams.get(serving)?.members ?? []) near.add(p);
  return near;
}

/** People whose recorded levels meet every competency the activity needs (none for an activity that names none). */
export function capablePeople(graph: TeamGraph, activity: string): string[] {
  const needs = Object.entries(graph.activities.get(activity)?.competencies ?? {});
  if (needs.length === 0) return [];
  const [first] = needs as [[string, number], ...[string, number][]];
  return (graph.skilled.get(first[0]) ?? []).filter((p) => {
    const recorded = graph.people.get(p)?.source.skills ?? {};
    return needs.every(([c, level]) => (recorded[c] ?? -1) >= level);
  });
}
