/**
 * A what-if's findings without running every rule again. Taking people away changes only some parts
 * of the graph (src/graph/scenario.ts says which); a rule that reads none of them (its `reads`) keeps
 * its findings, a rule whose findings split per row or person (its `per`) is checked again on the rows
 * and people the change touches only, and the rest run whole on the scenario's graph, with the facts
 * of the rows and people it keeps shared. The findings are those `runRules` gives on that graph
 * (test/recheck.test.ts compares the two on every person of generated models).
 */
import type { ScenarioChange } from "../graph/scenario.ts";
import type { PersonNode, RaciEntry, TeamGraph } from "../graph/types.ts";
import { findingsIn, sortFindings } from "./engine.ts";
import { factsOf } from "./graph-facts.ts";
import type { Finding, PeopleDependentPart, Rule, RuleEnvironment } from "./rule.ts";

/** The parts of the graph a change touches (see {@link PeopleDependentPart}). */
export function changedParts(change: ScenarioChange): Set<PeopleDependentPart> {
  const parts = new Set<PeopleDependentPart>();
  if (change.removed.length > 0) parts.add("people");
  if (change.holders) parts.add("holders");
  if (change.skilled) parts.add("skilled");
  if (change.teams.length > 0) parts.add("members");
  if (change.rows.length > 0) parts.add("cells");
  if (change.stakeholders) parts.add("stakeholders");
  return parts;
}

/**
 * The findings of `rules` (those that ran on `graph`, whose findings are `findings`) on the
 * scenario's graph, sorted as the doctor sorts them.
 */
export function recheck(
  graph: TeamGraph,
  findings: readonly Finding[],
  change: ScenarioChange,
  rules: readonly Rule[],
  environment: RuleEnvironment,
): Finding[] {
  const scenario = change.graph;
  const facts = factsOf(scenario, graph);
  const parts = changedParts(change);
  const kept = new Set<string>();
  const whole: Rule[] = [];
  const split: Rule[] = [];
  for (const rule of rules) {
    const { reads, per } = rule.meta;
    if (reads && !reads.some((part) => parts.has(part))) kept.add(rule.id);
    else if (per) split.push(rule);
    else whole.push(rule);
  }
  const splitIds = new Set(split.map((r) => r.id));
  const result = findings.filter((f) => kept.has(f.ruleId));
  result.push(...findingsIn(scenario, whole, environment, { rows: scenario.raci, people: facts.everyone() }));
  if (split.length > 0) {
    const touched = touchedPeople(change);
    const before = findingsIn(graph, split, environment, {
      rows: change.rows.map((r) => r.before),
      people: presentOf(graph, touched),
    });
    const after = findingsIn(scenario, split, environment, {
      rows: change.rows.map((r) => r.after),
      people: presentOf(scenario, touched),
    });
    result.push(
      ...withoutFindings(
        findings.filter((f) => splitIds.has(f.ruleId)),
        before,
      ),
      ...after,
    );
  }
  return sortFindings(result);
}

/** The people whose findings may change: those away, and everyone the changed rows name before or after. */
function touchedPeople(change: ScenarioChange): Set<string> {
  const touched = new Set(change.removed.map((p) => p.id));
  const add = (entry: RaciEntry) => {
    for (const cell of entry.cells) for (const p of cell.people) touched.add(p);
  };
  for (const { before, after } of change.rows) {
    add(before);
    add(after);
  }
  return touched;
}

/** The people of `ids` in `graph`, in its order. */
function presentOf(graph: TeamGraph, ids: ReadonlySet<string>): PersonNode[] {
  return factsOf(graph)
    .everyone()
    .filter((p) => ids.has(p.id));
}

/** `findings` without one of each of `gone` (the same finding: every field alike). */
function withoutFindings(findings: readonly Finding[], gone: readonly Finding[]): Finding[] {
  if (gone.length === 0) return [...findings];
  const count = new Map<string, number>();
  const places = new Set<string>();
  for (const f of gone) {
    const key = JSON.stringify(f);
    count.set(key, (count.get(key) ?? 0) + 1);
    places.add(`${f.location.line}:${f.location.column}`);
  }
  return findings.filter((f) => {
    if (!places.has(`${f.location.line}:${f.location.column}`)) return true;
    const key = JSON.stringify(f);
    const left = count.get(key) ?? 0;
    if (left === 0) return true;
    count.set(key, left - 1);
    return false;
  });
}
