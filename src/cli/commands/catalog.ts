import { Argument, type Command } from "commander";
import type { CatalogEntry, CatalogKind } from "../../render/catalog-text.ts";
import { out, stdoutColors } from "../io.ts";
import { format } from "../options.ts";

/** `mlteam catalog <kind> [id]`: the built-in roles, activities, competencies and topologies. */
export async function catalog(
  kind: CatalogKind,
  id: string | undefined,
  options: { format: "text" | "json" },
): Promise<void> {
  const { catalogEntries, catalogEntry } = await import("../../app/catalog.ts");
  const { renderCatalogEntry, renderCatalogList } = await import("../../render/catalog-text.ts");
  if (id === undefined) {
    const entries: readonly CatalogEntry[] = catalogEntries(kind);
    out(options.format === "json" ? JSON.stringify(entries, null, 2) : renderCatalogList(kind, entries));
    return;
  }
  const entry: CatalogEntry = catalogEntry(kind, id);
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
