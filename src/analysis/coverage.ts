/**
 * How much of what a team should record the model records: the inputs the rules assess. A rule
 * that assesses an input the model lacks cannot vouch for the team, so the score counts it as bad
 * as it can be (docs/score.md): leaving information out never raises the score.
 */
import type { TeamGraph } from "../graph/types.ts";
import { hats } from "./facts.ts";

/** What the rules assess; each rule names the inputs it reads (`meta.assesses`). */
export const INPUTS = ["people", "roles", "raci", "skills", "teams", "products"] as const;
export type Input = (typeof INPUTS)[number];

export interface InputCoverage {
  /** 0–1: the share of this input the model records. */
  share: number;
  /** What is missing, in a few words (absent when nothing is). */
  missing?: string;
}

export type Coverage = Record<Input, InputCoverage>;

const full: InputCoverage = { share: 1 };

/** The coverage of each input in `graph`. */
export function assessCoverage(graph: TeamGraph): Coverage {
  const people = [...graph.people.values()];
  const withRoles = people.filter((p) => hats(graph, p).size > 0);
  const assessed = withRoles.filter((p) => Object.keys(p.source.skills ?? {}).length > 0);
  const expectedProducts = graph.organisation?.mlProducts ?? 0;
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  /** The share of `whole` that `part` is, with what is missing said when it is not all. */
  const shareOf = (
    part: number,
    whole: number,
    none: string,
    missing: (gap: number) => string,
  ): InputCoverage =>
    whole === 0
      ? { share: 0, missing: none }
      : part === whole
        ? full
        : { share: part / whole, missing: missing(whole - part) };
  return {
    people: people.length > 0 ? full : { share: 0, missing: "nobody is in the model" },
    roles: shareOf(
      withRoles.length,
      people.length,
      "nobody holds a role",
      (gap) => `${plural(gap, "person holds", "people hold")} no role (by \`roles\` or a job title)`,
    ),
    raci: graph.raci.length > 0 ? full : { share: 0, missing: "the model has no RACI" },
    skills: shareOf(
      assessed.length,
      withRoles.length,
      "no skills can be assessed without people in roles",
      (gap) => `${plural(gap, "person in a role has", "people in roles have")} no skills recorded`,
    ),
    teams:
      people.length <= 1 || graph.teams.size > 0 ? full : { share: 0, missing: "the model lists no teams" },
    products:
      graph.products.size >= expectedProducts
        ? full
        : {
            share: graph.products.size / expectedProducts,
            missing: `${graph.products.size} of the ${expectedProducts} ML products the organisation runs ${graph.products.size === 1 ? "is" : "are"} listed`,
          },
  };
}
