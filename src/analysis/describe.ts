/** Short, human names for graph entries in finding messages. */
import type { RaciEntry, RaciRef, TeamGraph } from "../graph/types.ts";

export function describeRef(graph: TeamGraph, ref: RaciRef): string {
  if (ref.kind === "role") return `role ${ref.id}`;
  const name = graph.names.get(ref.id);
  return name ? `${name} (${ref.id})` : ref.id;
}

export function describeEntry(graph: TeamGraph, entry: RaciEntry): string {
  const name = graph.activities.get(entry.activity)?.name ?? entry.activity;
  return entry.product ? `"${name}" for product ${entry.product}` : `"${name}"`;
}

export function describePeople(graph: TeamGraph, ids: readonly string[], max = 3): string {
  const names = ids.slice(0, max).map((id) => graph.names.get(id) ?? id);
  return ids.length > max ? `${names.join(", ")} and ${ids.length - max} more` : names.join(", ");
}
