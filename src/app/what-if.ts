/** The what-if use cases: a scenario (people away, hires) and the ranking of everyone by the damage of their absence. */
import { type AbsenceImpact, rankAbsences } from "../analysis/absence-rank.ts";
import { type Scenario, scenarioProblems, type WhatIfResult, whatIf } from "../analysis/whatif.ts";
import { CATALOG } from "../catalog/index.ts";
import type { ValidTeamCheck } from "./check-team.ts";
import { InputError, InvalidModelError } from "./errors.ts";

/** How many of the top of the ranking get an exact score change from a full what-if each. */
export const EXACT_TOP = 5;

export interface RankedAbsence extends AbsenceImpact {
  /** The exact change of the health score if this person were away; for the top five only. */
  scoreDelta?: number;
}

export interface AbsenceRanking {
  ranking: RankedAbsence[];
  /** How many people were ranked (the ranking may be cut to `top`). */
  total: number;
}

/** Everyone ranked by the damage of their absence; the first five with the exact score change. */
export function rankTeamAbsences(check: ValidTeamCheck, top = Number.POSITIVE_INFINITY): AbsenceRanking {
  if (!(top >= 1)) throw new InputError(`top must be a whole number ≥ 1, got ${top}`);
  const ranking = rankAbsences(check.graph);
  const shown: RankedAbsence[] = ranking.slice(0, top).map((r) => ({ ...r }));
  for (const entry of shown.slice(0, EXACT_TOP)) {
    const result = scenarioOf(check, { without: [entry.person] });
    if ("away" in result) entry.scoreDelta = result.after.overall - result.before.overall;
  }
  return { ranking: shown, total: ranking.length };
}

/** The team under `scenario`, compared with the team as it is. */
export function runWhatIf(check: ValidTeamCheck, scenario: Scenario): WhatIfResult {
  if (!scenario.without?.length && !scenario.add?.length && scenario.from === undefined) {
    throw new InputError(
      "say what to change: who is away (--without; without= in the API), a period (--from and --to; from=, to=), hires (--add; add=), or the ranking (--rank; GET /api/rank)",
    );
  }
  const problems = scenarioProblems(check.graph, scenario);
  if (problems.length > 0) throw new InputError(problems.join("; "));
  const result = scenarioOf(check, scenario);
  if (!("away" in result)) throw new InvalidModelError(result.diagnostics);
  return result;
}

/** The what-if of `scenario` against the check, with the check's own rules, date and evidence. */
const scenarioOf = (check: ValidTeamCheck, scenario: Scenario) =>
  whatIf(check.model, check.graph, CATALOG, check.rules, check.environment, scenario, check.findings);
