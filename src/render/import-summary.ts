/** What `mlteam import` says on stderr about a file it read: what it found, what it used, what it left out. */
import type { ImportKind } from "../app/import-file.ts";
import type { Imported } from "../importers/types.ts";

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function renderImportSummary(file: string, from: ImportKind, imported: Imported): string {
  const summary = imported.summary;
  if (!summary) return "";
  const lines: string[] = [];
  const what =
    from === "backstage" || from === "codeowners" || from === "scim"
      ? `${count(imported.people.length, "person", "people")}, ${count(imported.teams.length, "team")}${from === "backstage" ? `, ${count(imported.units?.length ?? 0, "unit")}` : ""}`
      : count(summary.created, "person", "people");
  lines.push(
    `${file}: ${what} ${from === "codeowners" ? "created" : "read"}${summary.skipped ? `, ${summary.skipped} ${summary.skipped === 1 ? "row" : "rows"} skipped` : ""}`,
  );
  const label = {
    xlsx: "sheets used",
    csv: "columns used",
    scim: "resources read",
    backstage: "entities read",
    codeowners: "rules read",
  }[from];
  lines.push(`  ${label}: ${summary.used.join("; ") || "none"}`);
  if (summary.ignored?.length) lines.push(`  not read: ${summary.ignored.join(", ")}`);
  if (summary.unknownColumns.length)
    lines.push(
      `  columns not used: ${summary.unknownColumns.join(", ")} (--map "<column>=<field>" or x-<name>)`,
    );
  if (summary.unmapped.length) {
    // A CSV roster explains each title (quoted, the role it would guess and why not): one a line.
    if (summary.unmapped.every((t) => t.startsWith('"'))) {
      lines.push("  titles that map to no role:");
      for (const title of summary.unmapped) lines.push(`    ${title}`);
    } else
      lines.push(
        `  titles that map to no role: ${summary.unmapped.join(", ")} (add the role by hand, or an alias under roles:)`,
      );
  }
  return lines.join("\n");
}
