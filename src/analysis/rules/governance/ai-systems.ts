/**
 * What the AI-governance rules share: the high-risk systems, who oversees them, who builds them,
 * and whether a person's training is on record and current. Pure.
 */
import type { ProductNode, TeamGraph } from "../../../graph/types.ts";
import type { Person } from "../../../model/schema.ts";
import { factsOf } from "../../graph-facts.ts";

/** The products the model rates high-risk under the EU AI Act. */
export const highRiskSystems = (graph: TeamGraph): ProductNode[] =>
  [...graph.products.values()].filter((p) => p.source.risk === "high");

/** The people assigned human oversight of a system who are people of the model. */
export const overseersOf = (graph: TeamGraph, product: ProductNode): string[] =>
  (product.source.oversight ?? []).filter((id) => graph.names.has(id));

/** The RACI row that applies to `activity` for `product`: its own row, else the general one. */
export function rowFor(graph: TeamGraph, activity: string, product: string) {
  return factsOf(graph).rowFor(activity, product);
}

/** Activities through which a system is built or configured (separation of duties, Art. 14). */
export const BUILD_ACTIVITIES = [
  "model-training-code",
  "ml-pipeline-development",
  "model-retraining",
  "model-serving",
  "environment-deployment",
  "k8s-deployment",
] as const;

/** The people Responsible for building or configuring `product`. */
export function buildersOf(graph: TeamGraph, product: string): Set<string> {
  const builders = new Set<string>();
  for (const activity of BUILD_ACTIVITIES) {
    const row = rowFor(graph, activity, product);
    if (row) for (const p of factsOf(graph).row(row).r) builders.add(p);
  }
  return builders;
}

/** Whether `person` is Accountable for any row that applies to `product` (authority over it). */
export function accountableFor(graph: TeamGraph, person: string, product: string): boolean {
  for (const activity of graph.raciByActivity.keys()) {
    const row = rowFor(graph, activity, product);
    if (row && factsOf(graph).row(row).a.has(person)) return true;
  }
  return false;
}

/** The person's latest training whose topic matches, and whether it is still current on `today`. */
export function trainingOnRecord(
  person: Person | undefined,
  topic: RegExp,
  today: string,
): { date: string; current: boolean } | undefined {
  const matching = (person?.training ?? [])
    .filter((t) => topic.test(t.topic))
    .sort((a, b) => (a.date < b.date ? 1 : -1));
  const latest = matching[0];
  if (!latest) return undefined;
  return { date: latest.date, current: latest.expires === undefined || latest.expires >= today };
}

/** The person as the model writes them (also when a what-if has taken them out of the graph). */
export const personSource = (graph: TeamGraph, id: string): Person | undefined =>
  factsOf(graph).personSource(id);
