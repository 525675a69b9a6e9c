/** The use case behind `mlteam recommend`: the topology that fits, the next hires (greedy) and who to train, on a checked model. */
import { type Recommendation, recommend } from "../analysis/recommend.ts";
import { CATALOG } from "../catalog/index.ts";
import { didYouMean, quote } from "../model/suggest.ts";
import type { ValidTeamCheck } from "./check-team.ts";
import { InputError } from "./errors.ts";

export interface TeamRecommendation {
  result: Recommendation;
  /** Each rule's source document, to cite beside the findings a hire clears. */
  sources: ReadonlyMap<string, string>;
}

/**
 * Plans up to `hires` hires against the same rules, date and evidence the check ran with; with
 * `team`, hires placed in that team, counting only what it and its neighbouring teams gain.
 */
export function recommendForTeam(check: ValidTeamCheck, hires: number, team?: string): TeamRecommendation {
  if (team !== undefined && !check.graph.teams.has(team))
    throw new InputError(
      `unknown team ${quote(team)}${didYouMean(team, check.graph.teams.keys())} (the model's teams: ${[...check.graph.teams.keys()].join(", ") || "none"})`,
    );
  const result = recommend(check.model, check.graph, CATALOG, check.rules, check.environment, {
    hires,
    ...(team !== undefined ? { team } : {}),
  });
  return { result, sources: new Map(check.rules.map((rule) => [rule.id, rule.meta.source])) };
}
