/**
 * Which activities have nobody, or rest on one person with nobody able to step in: the facts behind
 * risk/single-point-of-failure and risk/absence-coverage, worked out once per graph so the two
 * rules never report the same (activity, person) risk twice.
 */
import type { RaciEntry, TeamGraph } from "../graph/types.ts";
import { hasProduction } from "./facts.ts";
import { factsOf, type GraphFacts } from "./graph-facts.ts";

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
  const facts = factsOf(graph);
  const production = hasProduction(graph);
  const capableByActivity = new Map<string, string[]>();
  const result: ActivityRisks = { uncovered: [], restsOn: new Map() };
  for (const entry of graph.raci) {
    const activity = graph.activities.get(entry.activity);
    const critical = production && activity?.productionCritical === true;
    const { r, a } = facts.row(entry);
    if (r.size === 0 || a.size === 0) {
      const missing = (["R", "A"] as const).filter(
        (letter) => (letter === "R" ? r : a).size === 0 && entry.cells.some((c) => c.letter === letter),
      );
      if (missing.length > 0) {
        result.uncovered.push({ entry, critical, missing });
        continue;
      }
    }
    if (activity && OWNED_BY_DESIGN.has(activity.area)) continue;
    const person = soleOf(r, a);
    if (person === undefined) continue;
    let capable = capableByActivity.get(entry.activity);
    if (!capable) {
      capable = capablePeople(graph, facts, entry.activity);
      capableByActivity.set(entry.activity, capable);
    }
    // Someone else with the skills can step in: anyone for a team-wide row; for a product's row,
    // someone in the product's team or a team that serves it (as the row's roles resolve).
    const near = facts.nearPeople(entry.product);
    if (capable.some((p) => p !== person && (near === undefined || near.has(p)))) continue;
    const list = result.restsOn.get(person);
    if (list) list.push({ entry, critical });
    else result.restsOn.set(person, [{ entry, critical }]);
  }
  cache.set(graph, result);
  return result;
}

/** The one person R and A together stand for, if they stand for exactly one. */
function soleOf(r: ReadonlySet<string>, a: ReadonlySet<string>): string | undefined {
  if (r.size > 1 || a.size > 1) return undefined;
  let sole: string | undefined;
  for (const p of r) sole = p;
  for (const p of a) {
    if (sole !== undefined && sole !== p) return undefined;
    sole = p;
  }
  return sole;
}

/** People whose recorded levels meet every competency the activity needs (none for an activity that names none). */
function capablePeople(graph: TeamGraph, facts: GraphFacts, activity: string): string[] {
  const needs = facts.activityNeeds(activity);
  if (needs.length === 0) return [];
  const [first] = needs as [readonly [string, number], ...(readonly [string, number])[]];
  return (graph.skilled.get(first[0]) ?? []).filter((p) => {
    const recorded = graph.people.get(p)?.source.skills ?? {};
    return needs.every(([c, level]) => (recorded[c] ?? -1) >= level);
  });
}
