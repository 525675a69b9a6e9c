/** What the evidence rules share: the RACI rows of an activity and the people behind R and A. */
import type { RaciEntry, TeamGraph } from "../../../graph/types.ts";
import { factsOf } from "../../graph-facts.ts";

export function rowsOf(graph: TeamGraph, activity: string): readonly RaciEntry[] {
  return graph.raciByActivity.get(activity) ?? [];
}

export function declared(
  graph: TeamGraph,
  rows: readonly RaciEntry[],
  letters: readonly ("R" | "A")[],
): Set<string> {
  const people = new Set<string>();
  for (const row of rows) {
    const { r, a } = factsOf(graph).row(row);
    for (const letter of ["R", "A"] as const)
      if (letters.includes(letter)) for (const p of letter === "R" ? r : a) people.add(p);
  }
  return people;
}
