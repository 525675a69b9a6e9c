/**
 * The health score: 0–100 per area and overall, from the findings and from what the model records
 * (docs/score.md has the reasoning and worked examples).
 *
 * - Each finding takes a share of what its rule still vouches for: error 40 %, warn 10 %, info 2 %
 *   (a finding that groups several things — five activities resting on one person — counts each).
 *   So every fix moves the score, and the tenth warning costs less than the first, but never nothing.
 * - A rule can take at most 60 % off its area (its factor stays ≥ 0.4), so one noisy rule cannot
 *   zero an area by itself.
 * - A rule that assesses something the model does not record (no people, no RACI, skills not
 *   assessed…) vouches for nothing: the part it cannot assess counts as bad as a rule can be.
 *   Leaving information out never raises the score.
 * - An area scores 100 × the product of its rules' factors; the overall score is the mean of the
 *   areas weighted by what the sources say matters most: production risk and leadership first.
 */
import type { Coverage, Input } from "./coverage.ts";
import type { Finding, Rule, Severity } from "./rule.ts";

/** The share of what a rule vouches for that one finding takes. */
export const SEVERITY_COST: Readonly<Record<Severity, number>> = { error: 0.4, warn: 0.1, info: 0.02 };
/** The lowest factor a rule can give its area. */
export const RULE_FLOOR = 0.4;

/** The areas the score is made of, in the order it is shown, with their weights. */
export const AREA_WEIGHTS: Readonly<Record<string, number>> = {
  risk: 25,
  leadership: 20,
  raci: 15,
  staffing: 15,
  skills: 10,
  governance: 7,
  topology: 4,
  knowledge: 4,
  evidence: 10,
};

export const SCORE_AREAS = [
  "risk",
  "leadership",
  "raci",
  "staffing",
  "skills",
  "governance",
  "topology",
  "knowledge",
] as const;

export interface Cost {
  ruleId: string;
  area: string;
  /** Findings of the rule. */
  findings: number;
  /** What the rule leaves of its area: 1 is nothing taken, 0.4 the most. */
  factor: number;
  /** 0–1: how much of what the rule assesses the model records. */
  assessed: number;
  /** Overall points the rule costs (the score with this rule's factor at 1, minus the score). */
  cost: number;
}

export interface Score {
  overall: number;
  areas: Record<string, number>;
  /** Every rule that costs something, most costly first. */
  costs: Cost[];
  /** How much of what the rules assess the model records (0–100), and what is missing. */
  coverage: { overall: number; missing: string[] };
}

export interface ScoreInput {
  findings: readonly Finding[];
  /** The rules that ran (not turned off; their needs met). */
  rules: readonly Rule[];
  coverage: Coverage;
  /** The areas to score (SCORE_AREAS, plus evidence when there was evidence). */
  areas?: readonly string[];
}

/** The factor a rule gives its area: what it still vouches for, floored. */
export function ruleFactor(findings: readonly Finding[], assessed: number): number {
  // Weights summed per severity first, then one power each in a fixed order: the same findings in
  // any order give the same factor to the last bit (a product taken in the findings' order does not).
  const weight: Record<Finding["severity"], number> = { error: 0, warn: 0, info: 0 };
  for (const f of findings) weight[f.severity] += f.weight ?? 1;
  let kept = 1;
  for (const severity of ["error", "warn", "info"] as const)
    kept *= (1 - SEVERITY_COST[severity]) ** weight[severity];
  return RULE_FLOOR + (1 - RULE_FLOOR) * assessed * kept;
}

function assessedShare(rule: Rule, coverage: Coverage): number {
  let share = 1;
  for (const input of rule.meta.assesses ?? []) share *= coverage[input as Input].share;
  return share;
}

export function scoreTeam({ findings, rules, coverage, areas = SCORE_AREAS }: ScoreInput): Score {
  const byRule = new Map<string, Finding[]>();
  const unscored = new Set(rules.filter((r) => r.meta.scored === false).map((r) => r.id));
  for (const f of findings) {
    if (unscored.has(f.ruleId)) continue;
    const list = byRule.get(f.ruleId);
    if (list) list.push(f);
    else byRule.set(f.ruleId, [f]);
  }
  const allAreas = [...areas];
  for (const f of findings) if (!allAreas.includes(f.area)) allAreas.push(f.area);
  const factors: { ruleId: string; area: string; findings: number; factor: number; assessed: number }[] = [];
  const seen = new Set<string>();
  for (const rule of rules) {
    seen.add(rule.id);
    if (rule.meta.scored === false) continue;
    const assessed = assessedShare(rule, coverage);
    const own = byRule.get(rule.id) ?? [];
    factors.push({
      ruleId: rule.id,
      area: rule.meta.area,
      findings: own.length,
      factor: ruleFactor(own, assessed),
      assessed,
    });
  }
  // Findings of rules not in the list (e.g. a rule run by a caller of its own) still count.
  for (const [ruleId, own] of byRule) {
    if (seen.has(ruleId)) continue;
    factors.push({
      ruleId,
      area: own[0]?.area ?? "",
      findings: own.length,
      factor: ruleFactor(own, 1),
      assessed: 1,
    });
  }
  const combine = (skip?: string) => {
    const result: Record<string, number> = {};
    for (const area of allAreas) result[area] = 1;
    for (const f of factors)
      if (f.ruleId !== skip && f.area in result) result[f.area] = (result[f.area] as number) * f.factor;
    let sum = 0;
    let weights = 0;
    for (const area of allAreas) {
      const weight = AREA_WEIGHTS[area] ?? 5;
      sum += weight * (result[area] as number);
      weights += weight;
    }
    return { areas: result, overall: (100 * sum) / Math.max(1, weights) };
  };
  const all = combine();
  const costs: Cost[] = factors
    .filter((f) => f.factor < 1)
    .map((f) => ({ ...f, cost: Math.round((combine(f.ruleId).overall - all.overall) * 10) / 10 }))
    .sort((a, b) => b.cost - a.cost || a.ruleId.localeCompare(b.ruleId));
  const areaScores: Record<string, number> = {};
  for (const area of allAreas) areaScores[area] = Math.round(100 * (all.areas[area] as number));
  return {
    overall: Math.round(all.overall),
    areas: areaScores,
    costs,
    coverage: coverageFigure(rules, coverage),
  };
}

/** The share of the rules' inputs the model records, weighted by how many rules assess each. */
function coverageFigure(rules: readonly Rule[], coverage: Coverage): Score["coverage"] {
  let sum = 0;
  let count = 0;
  const missing = new Set<string>();
  for (const rule of rules) {
    for (const input of rule.meta.assesses ?? []) {
      const c = coverage[input as Input];
      sum += c.share;
      count++;
      if (c.missing) missing.add(c.missing);
    }
  }
  return { overall: count === 0 ? 100 : Math.round((100 * sum) / count), missing: [...missing] };
}

/** The areas scored: the evidence area joins when there was evidence. */
export function scoredAreas(withEvidence: boolean): readonly string[] {
  return withEvidence ? [...SCORE_AREAS, "evidence"] : SCORE_AREAS;
}
