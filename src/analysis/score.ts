/**
 * The health score: 0–100 per area and overall, from the findings alone, so it is deterministic.
 *
 * Each finding costs by severity (error 15, warn 5, info 1). A rule costs an area at most 40, so
 * one noisy rule cannot sink it. An area scores 100 minus its rules' costs, at least 0. The overall
 * score is the mean of the areas' scores, rounded. Adding a finding never raises a score.
 */
import type { Finding, Severity } from "./rule.ts";

export const SEVERITY_COST: Readonly<Record<Severity, number>> = { error: 15, warn: 5, info: 1 };
export const RULE_CAP = 40;

/** The areas the score is made of, in the order it is shown. */
export const SCORE_AREAS = [
  "raci",
  "staffing",
  "risk",
  "leadership",
  "governance",
  "skills",
  "topology",
  "knowledge",
] as const;

export interface Cost {
  ruleId: string;
  area: string;
  /** Findings of the rule and what they cost before the cap. */
  findings: number;
  raw: number;
  /** What the rule costs its area (the raw cost, capped). */
  cost: number;
}

export interface Score {
  overall: number;
  areas: Record<string, number>;
  /** Every rule that costs something, most costly first. */
  costs: Cost[];
}

export function scoreFindings(findings: readonly Finding[], areas: readonly string[] = SCORE_AREAS): Score {
  const byRule = new Map<string, Cost>();
  for (const f of findings) {
    const cost = byRule.get(f.ruleId) ?? { ruleId: f.ruleId, area: f.area, findings: 0, raw: 0, cost: 0 };
    cost.findings++;
    cost.raw += SEVERITY_COST[f.severity];
    cost.cost = Math.min(RULE_CAP, cost.raw);
    byRule.set(f.ruleId, cost);
  }
  const allAreas = [...areas, ...[...byRule.values()].map((c) => c.area).filter((a) => !areas.includes(a))];
  const result: Record<string, number> = {};
  for (const area of allAreas) {
    const lost = [...byRule.values()].filter((c) => c.area === area).reduce((sum, c) => sum + c.cost, 0);
    result[area] = Math.max(0, 100 - lost);
  }
  const values = Object.values(result);
  const overall = Math.round(values.reduce((a, b) => a + b, 0) / Math.max(1, values.length));
  const costs = [...byRule.values()].sort((a, b) => b.cost - a.cost || a.ruleId.localeCompare(b.ruleId));
  return { overall, areas: result, costs };
}
