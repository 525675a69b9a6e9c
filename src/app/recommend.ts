/** The use case behind `mlteam recommend`: the topology that fits, the next hires (greedy) and who to train, on a checked model. */
import { type Recommendation, recommend } from "../analysis/recommend.ts";
import { CATALOG } from "../catalog/index.ts";
import type { ValidTeamCheck } from "./check-team.ts";

export interface TeamRecommendation {
  result: Recommendation;
  /** Each rule's source document, to cite beside the findings a hire clears. */
  sources: ReadonlyMap<string, string>;
}

/** Plans up to `hires` hires against the same rules, date and evidence the check ran with. */
export function recommendForTeam(check: ValidTeamCheck, hires: number): TeamRecommendation {
  const result = recommend(check.model, check.graph, CATALOG, check.rules, check.environment, { hires });
  return { result, sources: new Map(check.rules.map((rule) => [rule.id, rule.meta.source])) };
}
