/** The use case behind `mlteam catalog` and `GET /api/catalog/{kind}`: the built-in catalog's entries, each citing its source. */
import { CATALOG } from "../catalog/index.ts";
import { didYouMean } from "../model/suggest.ts";
import { NotFoundError } from "./errors.ts";

export const CATALOG_KINDS = ["roles", "activities", "competencies", "topologies"] as const;
export type CatalogKind = (typeof CATALOG_KINDS)[number];

/** The entries of one kind, in the catalog's order. */
export function catalogEntries(kind: CatalogKind) {
  return CATALOG[kind];
}

/** One entry, or a NotFoundError that suggests the closest id and says how to list them. */
export function catalogEntry(kind: CatalogKind, id: string) {
  const entries: readonly { id: string }[] = CATALOG[kind];
  const entry = entries.find((e) => e.id === id);
  if (!entry)
    throw new NotFoundError(
      `no ${kind.replace(/ies$/, "y").replace(/s$/, "")} "${id}" in the catalog${didYouMean(
        id,
        entries.map((e) => e.id),
      )} (list them with: mlteam catalog ${kind})`,
    );
  return entry as ReturnType<typeof catalogEntries>[number];
}
