import { Argument, type Command } from "commander";
import { InputError } from "../../app/errors.ts";
import { didYouMean } from "../../model/suggest.ts";
import type { CatalogEntry, CatalogKind } from "../../render/catalog-text.ts";
import { out, stdoutColors } from "../io.ts";
import { format } from "../options.ts";

/** `mlteam catalog <kind> [id]`: the built-in roles, activities, competencies and topologies. */
export async function catalog(
  kind: CatalogKind,
  id: string | undefined,
  options: { format: "text" | "json" },
): Promise<void> {
  const { CATALOG } = await import("../../catalog/index.ts");
  const { renderCatalogEntry, renderCatalogList } = await import("../../render/catalog-text.ts");
  const entries: readonly CatalogEntry[] = CATALOG[kind];
  if (id === undefined) {
    out(options.format === "json" ? JSON.stringify(entries, null, 2) : renderCatalogList(kind, entries));
    return;
  }
  const entry = entries.find((e) => e.id === id);
  if (!entry) {
    throw new InputError(
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

/** `mlteam catalog`: its flags and help, beside what it does. */
export function register(program: Command): void {
  program
    .command("catalog")
    .description("show the built-in roles, activities, competencies or topologies, with their sources")
    .addArgument(
      new Argument("<kind>", "what to list").choices(["roles", "activities", "competencies", "topologies"]),
    )
    .argument("[id]", "show one entry in detail")
    .addOption(format(["text", "json"], "text"))
    .addHelpText(
      "after",
      `
Examples:
  mlteam catalog roles
  mlteam catalog roles outside-to-inside
  mlteam catalog activities --format json`,
    )
    .action(async (kind, id: string | undefined, options) => catalog(kind, id, options));
}
