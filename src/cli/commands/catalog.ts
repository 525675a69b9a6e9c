import { CATALOG } from "../../catalog/index.ts";
import { didYouMean } from "../../model/suggest.ts";
import {
  type CatalogEntry,
  type CatalogKind,
  renderCatalogEntry,
  renderCatalogList,
} from "../../render/catalog-text.ts";
import { EXIT, ExitError } from "../exit.ts";
import { out, stdoutColors } from "../io.ts";

/** `mlteam catalog <kind> [id]`: the built-in roles, activities, competencies and topologies. */
export function catalog(
  kind: CatalogKind,
  id: string | undefined,
  options: { format: "text" | "json" },
): void {
  const entries: readonly CatalogEntry[] = CATALOG[kind];
  if (id === undefined) {
    out(options.format === "json" ? JSON.stringify(entries, null, 2) : renderCatalogList(kind, entries));
    return;
  }
  const entry = entries.find((e) => e.id === id);
  if (!entry) {
    throw new ExitError(
      EXIT.invalid,
      `no ${kind.replace(/ies$/, "y").replace(/s$/, "")} "${id}" in the catalog${didYouMean(
        id,
        entries.map((e) => e.id),
      )} (list them with: mlteam catalog ${kind})`,
    );
  }
  out(
    options.format === "json"
      ? JSON.stringify(entry, null, 2)
      : renderCatalogEntry(kind, entry, stdoutColors()),
  );
}
