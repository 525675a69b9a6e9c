/**
 * What-if: the team with some people away (for a period) and some hypothetical hires, compared
 * with the team as it is — findings that appear and disappear, activities that lose their R or A,
 * competencies lost, and the change in the health score.
 */
import type { Catalog } from "../catalog/index.ts";
import { resolveTeam } from "../graph/resolve.ts";
import { type ScenarioChange, withoutPeople } from "../graph/scenario.ts";
import type { RaciEntry, TeamGraph } from "../graph/types.ts";
import { DATE_SHAPE, isCalendarDate } from "../model/calendar-date.ts";
import type { Diagnostic } from "../model/diagnostic.ts";
import type { Model } from "../model/model.ts";
import type { Person } from "../model/schema.ts";
import { didYouMean, quote } from "../model/suggest.ts";
import { assessCoverage } from "./coverage.ts";
import { rulesThatRun, runRules } from "./engine.ts";
import { peopleWith } from "./facts.ts";
import { factsOf } from "./graph-facts.ts";
import { recheck } from "./recheck.ts";
import type { Finding, Rule, RuleEnvironment } from "./rule.ts";
import { type Score, scoredAreas, scoreTeam } from "./score.ts";

export interface Scenario {
  /** People to take away. */
  without?: readonly string[];
  /** With `to`: the period of the absence; people with declared absences in it are away too. */
  from?: string;
  to?: string;
  /** Roles to hire for: one hypothetical person per entry, holding the role at its required levels. */
  add?: readonly string[];
}

export interface Away {
  id: string;
  name: string;
  why: "asked" | "declared absence";
}

export interface LostCoverage {
  activity: string;
  product?: string;
  /** The letters that no one is left to hold. */
  letters: ("R" | "A")[];
}

export interface LostCompetency {
  competency: string;
  /** The best level in the team before and after. */
  before: number;
  after: number;
}

export interface WhatIfResult {
  away: Away[];
  /** Hypothetical hires: asked for, or openings that have started by the period's start. */
  hires: { id: string; role: string; team?: string; opening?: string | undefined }[];
  appeared: Finding[];
  disappeared: Finding[];
  /** Findings about the same thing whose message changed (e.g. a count). */
  changed: { before: Finding; after: Finding }[];
  lostCoverage: LostCoverage[];
  competenciesLost: LostCompetency[];
  before: Score;
  after: Score;
  /** Every finding in the scenario. */
  findings: Finding[];
}

/** The level from which a competency counts as held. */
export const WORKING_LEVEL = 3;

/** Checks the scenario's ids and dates against the graph; returns problems as messages. */
export function scenarioProblems(graph: TeamGraph, scenario: Scenario): string[] {
  const problems: string[] = [];
  for (const id of scenario.without ?? []) {
    if (!graph.people.has(id))
      problems.push(`unknown person ${quote(id)}${didYouMean(id, graph.people.keys())}`);
  }
  for (const hire of scenario.add ?? []) {
    const { role, team } = parseHire(hire);
    if (!graph.roles.has(role))
      problems.push(`unknown role ${quote(role)}${didYouMean(role, graph.roles.keys())}`);
    if (team !== undefined && !graph.teams.has(team))
      problems.push(
        `unknown team ${quote(team)} in ${quote(hire)}${didYouMean(team, graph.teams.keys())} (the model's teams: ${[...graph.teams.keys()].join(", ") || "none"})`,
      );
  }
  for (const [name, date] of [
    ["--from", scenario.from],
    ["--to", scenario.to],
  ] as const) {
    if (date !== undefined && !DATE_SHAPE.test(date))
      problems.push(`${name} must be a date written YYYY-MM-DD, got ${quote(date)}`);
    else if (date !== undefined && !isCalendarDate(date))
      problems.push(`${name}: ${date} is not a day of the calendar`);
  }
  if ((scenario.from === undefined) !== (scenario.to === undefined))
    problems.push("--from and --to go together");
  else if (scenario.from !== undefined && scenario.to !== undefined && scenario.to < scenario.from) {
    problems.push(`the period ends (${scenario.to}) before it starts (${scenario.from})`);
  }
  return problems;
}

/** Who is away in the scenario: the people asked for, plus declared absences that overlap its period. */
export function awayIn(graph: TeamGraph, scenario: Scenario): Away[] {
  const away = new Map<string, Away>();
  for (const id of scenario.without ?? [])
    away.set(id, { id, name: graph.people.get(id)?.name ?? id, why: "asked" });
  const { from, to } = scenario;
  if (from !== undefined && to !== undefined) {
    for (const person of graph.people.values()) {
      if (away.has(person.id)) continue;
      if ((person.source.absences ?? []).some((a) => a.from <= to && a.to >= from)) {
        away.set(person.id, { id: person.id, name: person.name, why: "declared absence" });
      }
    }
  }
  return [...away.values()];
}

/** A hire as written: `role`, or `role@team` to place the new person in a team. */
export function parseHire(hire: string): { role: string; team?: string } {
  const at = hire.lastIndexOf("@");
  return at > 0 ? { role: hire.slice(0, at), team: hire.slice(at + 1) } : { role: hire };
}

/** The hypothetical people the scenario hires (`role` or `role@team`), each holding one role at its required levels. */
export function hiresFor(graph: TeamGraph, hires: readonly string[]): Person[] {
  return hires.map((hire, i) => {
    const { role, team } = parseHire(hire);
    return {
      id: `hire-${i + 1}-${role}${team ? `-${team}` : ""}`,
      name: `New ${graph.roles.get(role)?.name ?? role}${team ? ` in ${team}` : ""} (hypothetical)`,
      roles: [{ role, allocation: 100 }],
      skills: { ...(graph.roles.get(role)?.competencies ?? {}) },
    };
  });
}

/** The model with the hires in: each placed in the team its `@team` (or its opening) names. */
function withHires(model: Model, hires: readonly Person[], placed: readonly (string | undefined)[]): Model {
  if (hires.length === 0) return model;
  const joining = new Map<string, string[]>();
  hires.forEach((h, i) => {
    const team = placed[i];
    if (team !== undefined) joining.set(team, [...(joining.get(team) ?? []), h.id]);
  });
  const teams =
    joining.size === 0
      ? model.teams
      : model.teams.map((t) => {
          const extra = joining.get(t.id);
          return extra ? { ...t, members: [...(t.members ?? []), ...extra] } : t;
        });
  return { ...model, people: [...model.people, ...hires], teams };
}

/**
 * Runs the scenario against the model: resolves the team with the people away and the hires in,
 * runs the rules, and compares with the team as it is. With people away and no hires, the scenario's
 * graph is made from the graph as it is and only what their absence touches is checked again
 * (src/graph/scenario.ts, src/analysis/recheck.ts); the answer is the same.
 */
export function whatIf(
  model: Model,
  baseline: TeamGraph,
  catalog: Catalog,
  rules: readonly Rule[],
  environment: RuleEnvironment,
  scenario: Scenario,
  baselineFindings?: readonly Finding[],
): WhatIfResult | { diagnostics: Diagnostic[] } {
  const away = awayIn(baseline, scenario);
  // An opening whose start falls on or before the period's start counts as a hire in it.
  const arriving =
    scenario.from === undefined
      ? []
      : model.openings.filter((o) => o.start !== undefined && o.start <= (scenario.from as string));
  const hiredRoles = [
    ...(scenario.add ?? []),
    ...arriving.map((o) => (o.team !== undefined ? `${o.role}@${o.team}` : o.role)),
  ];
  const hires = hiresFor(baseline, hiredRoles);
  const before = baselineFindings ?? runRules(baseline, rules, environment).findings;
  const absent = new Set(away.map((a) => a.id));
  const change = hires.length === 0 ? withoutPeople(baseline, absent) : undefined;
  const checked = change
    ? recheckedScenario(baseline, before, change, rules, environment)
    : resolvedScenario(
        withHires(
          model,
          hires,
          hiredRoles.map((h) => parseHire(h).team),
        ),
        catalog,
        rules,
        environment,
        absent,
      );
  if ("diagnostics" in checked) return checked;
  const { graph, findings: after, ran } = checked;
  // Scored as the doctor scores: the same areas (evidence included when there is evidence) and
  // the coverage of each graph.
  const areas = scoredAreas(environment.evidence !== undefined);
  const score = (g: TeamGraph, findings: readonly Finding[]) =>
    scoreTeam({ findings, rules: ran, coverage: assessCoverage(g), areas });
  return {
    away,
    hires: hires.map((h, i) => ({
      id: h.id,
      ...parseHire(hiredRoles[i] ?? ""),
      ...(i >= (scenario.add?.length ?? 0) ? { opening: arriving[i - (scenario.add?.length ?? 0)]?.id } : {}),
    })),
    ...compared(before, after),
    lostCoverage: change ? lostCoverageIn(change.rows) : lostCoverage(baseline, graph),
    competenciesLost: change ? competenciesLostIn(baseline, change) : competenciesLost(baseline, graph),
    before: score(baseline, before),
    after: score(graph, after),
    findings: after,
  };
}

/** A scenario checked: its graph, its findings and the rules that ran. */
interface CheckedScenario {
  graph: TeamGraph;
  findings: Finding[];
  ran: readonly Rule[];
}

/** The scenario's graph made from the graph as it is, and its findings re-checked where the change touches it. */
function recheckedScenario(
  baseline: TeamGraph,
  before: readonly Finding[],
  change: ScenarioChange,
  rules: readonly Rule[],
  environment: RuleEnvironment,
): CheckedScenario {
  const ran = rulesThatRun(baseline, rules, environment);
  return { graph: change.graph, findings: recheck(baseline, before, change, ran, environment), ran };
}

/** The scenario's model resolved afresh and checked whole; its diagnostics when resolving it reports any. */
function resolvedScenario(
  model: Model,
  catalog: Catalog,
  rules: readonly Rule[],
  environment: RuleEnvironment,
  absent: ReadonlySet<string>,
): CheckedScenario | { diagnostics: Diagnostic[] } {
  const resolved = resolveTeam(model, catalog, { absent });
  if (resolved.diagnostics.length > 0) return { diagnostics: resolved.diagnostics };
  const run = runRules(resolved.graph, rules, environment);
  return { graph: resolved.graph, findings: run.findings, ran: run.ran };
}

/** A finding's identity across two runs: the same rule about the same subject at the same place. */
const findingKeys = new WeakMap<Finding, string>();
function findingKey(f: Finding): string {
  let key = findingKeys.get(f);
  if (key === undefined) {
    key = `${f.ruleId}\u0000${f.subject ?? ""}\u0000${f.location.file}:${f.location.line}:${f.location.column}`;
    findingKeys.set(f, key);
  }
  return key;
}

/** The findings by key (the last of a key wins), made once per list: a ranking compares five what-ifs with one list. */
const byKeys = new WeakMap<readonly Finding[], Map<string, Finding>>();
function byKey(findings: readonly Finding[]): Map<string, Finding> {
  let map = byKeys.get(findings);
  if (!map) {
    map = new Map(findings.map((f) => [findingKey(f), f]));
    byKeys.set(findings, map);
  }
  return map;
}

/** Findings that appeared, disappeared, or changed their message. */
function compared(before: readonly Finding[], after: readonly Finding[]) {
  const key = findingKey;
  const beforeByKey = byKey(before);
  const afterByKey = new Map(after.map((f) => [key(f), f]));
  const changed: { before: Finding; after: Finding }[] = [];
  for (const [k, f] of afterByKey) {
    const was = beforeByKey.get(k);
    if (was && was.message !== f.message) changed.push({ before: was, after: f });
  }
  return {
    appeared: after.filter((f) => !beforeByKey.has(key(f))),
    disappeared: before.filter((f) => !afterByKey.has(key(f))),
    changed,
  };
}

/** The R and A that no one is left to hold, on the rows a change touched (the others kept theirs). */
function lostCoverageIn(rows: ScenarioChange["rows"]): LostCoverage[] {
  const out: LostCoverage[] = [];
  for (const { before, after } of rows) {
    const letters = (["R", "A"] as const).filter(
      (l) => peopleWith(before, [l]).size > 0 && peopleWith(after, [l]).size === 0,
    );
    if (letters.length === 0) continue;
    out.push({
      activity: before.activity,
      ...(before.product !== undefined ? { product: before.product } : {}),
      letters,
    });
  }
  return out;
}

function lostCoverage(before: TeamGraph, after: TeamGraph): LostCoverage[] {
  const out: LostCoverage[] = [];
  const rowKey = (e: RaciEntry) => `${e.activity}\u0000${e.product ?? ""}`;
  const afterRows = new Map(after.raci.map((e) => [rowKey(e), e]));
  for (const entry of before.raci) {
    const later = afterRows.get(rowKey(entry));
    if (!later) continue;
    const letters = (["R", "A"] as const).filter(
      (l) => peopleWith(entry, [l]).size > 0 && peopleWith(later, [l]).size === 0,
    );
    if (letters.length === 0) continue;
    out.push({
      activity: entry.activity,
      ...(entry.product !== undefined ? { product: entry.product } : {}),
      letters,
    });
  }
  return out;
}

function bestLevels(graph: TeamGraph): Map<string, number> {
  const best = new Map<string, number>();
  for (const [competency, people] of graph.skilled) {
    for (const p of people)
      best.set(competency, Math.max(best.get(competency) ?? 0, graph.people.get(p)?.skills[competency] ?? 0));
  }
  return best;
}

/** The competencies no one is left to hold at working level: only those of the people away can be. */
function competenciesLostIn(baseline: TeamGraph, change: ScenarioChange): LostCompetency[] {
  if (!change.skilled) return [];
  const theirs = new Set(change.removed.flatMap((p) => Object.keys(p.skills)));
  const was = factsOf(baseline);
  const is = factsOf(change.graph, baseline);
  const out: LostCompetency[] = [];
  for (const competency of baseline.skilled.keys()) {
    if (!theirs.has(competency)) continue;
    const level = was.bestLevel(competency);
    const now = is.bestLevel(competency);
    if (level >= WORKING_LEVEL && now < WORKING_LEVEL) out.push({ competency, before: level, after: now });
  }
  return out;
}

function competenciesLost(before: TeamGraph, after: TeamGraph): LostCompetency[] {
  const was = bestLevels(before);
  const is = bestLevels(after);
  const out: LostCompetency[] = [];
  for (const [competency, level] of was) {
    const now = is.get(competency) ?? 0;
    if (level >= WORKING_LEVEL && now < WORKING_LEVEL) out.push({ competency, before: level, after: now });
  }
  return out;
}
