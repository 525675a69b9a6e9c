import { existsSync, readFileSync } from "node:fs";
import { type Command, Option } from "commander";
import type { ImportKind } from "../../app/import-file.ts";
import { EXIT, ExitError } from "../exit.ts";
import { err, out } from "../io.ts";

export interface ImportOptions {
  from: ImportKind;
  into?: string;
  out?: string;
  map?: string[];
}

/** `mlteam import`: people and teams from Backstage or a CSV roster, proposed RACI rows from CODEOWNERS. */
export async function importCommand(file: string, options: ImportOptions): Promise<void> {
  const { importEntries, importedFragment, mergeImported } = await import("../../app/import-file.ts");
  const { writeFileAtomic } = await import("../../io/write-atomic.ts");
  const { loadValidModel } = await import("../load.ts");
  if (!existsSync(file)) throw new ExitError(EXIT.invalid, `no such file: ${file}`);
  const text = options.from === "xlsx" ? readFileSync(file) : readFileSync(file, "utf8");
  const target =
    options.into ?? (existsSync("mlteam.yaml") && options.from === "codeowners" ? "mlteam.yaml" : undefined);
  const into = target ? await loadValidModel(target) : undefined;
  const map: Record<string, string> = {};
  for (const pair of options.map ?? []) {
    const at = pair.lastIndexOf("=");
    if (at <= 0) throw new ExitError(EXIT.invalid, `--map takes column=field, got "${pair}"`);
    map[pair.slice(0, at)] = pair.slice(at + 1);
  }
  const imported = await importEntries(
    options.from,
    file,
    text,
    into,
    Object.keys(map).length ? { map } : {},
  );
  for (const note of imported.notes) err(`note: ${note}`);
  const summary = imported.summary;
  if (summary) {
    err(
      `${file}: ${summary.created} ${summary.created === 1 ? "person" : "people"} read${summary.skipped ? `, ${summary.skipped} ${summary.skipped === 1 ? "row" : "rows"} skipped` : ""}`,
    );
    err(`  ${options.from === "xlsx" ? "sheets" : "columns"} used: ${summary.used.join("; ") || "none"}`);
    if (summary.unknownColumns.length)
      err(`  columns not used: ${summary.unknownColumns.join(", ")} (--map "<column>=<field>" or x-<name>)`);
    if (summary.unmapped.length)
      err(
        `  titles that map to no role: ${summary.unmapped.join(", ")} (add the role by hand, or an alias under roles:)`,
      );
  }
  // Rows skipped: the import is partial (exit 1 once written).
  const partial = (summary?.skipped ?? 0) > 0;
  if (options.into === undefined) {
    const fragment = importedFragment(imported, file);
    if (options.out === undefined) out(fragment);
    else {
      if (existsSync(options.out))
        throw new ExitError(
          EXIT.invalid,
          `${options.out} already exists; choose another --out, or merge with --into`,
        );
      writeFileAtomic(options.out, fragment);
      out(
        `Wrote ${options.out}: ${imported.people.length} people, ${imported.teams.length} teams, ${imported.products?.length ? `${imported.products.length} products, ` : ""}${imported.raci.length} RACI rows.`,
      );
    }
    if (partial) throw new ExitError(EXIT.findings);
    return;
  }
  const merged = mergeImported(readFileSync(options.into, "utf8"), imported);
  if (merged.added.length > 0) writeFileAtomic(options.into, merged.text);
  out(
    `${options.into}: added ${merged.added.length}${merged.added.length ? ` (${merged.added.join(", ")})` : ""}`,
  );
  if (merged.skipped.length) out(`skipped ${merged.skipped.length}: ${merged.skipped.join(", ")}`);
  if (partial) throw new ExitError(EXIT.findings);
}

/** `mlteam import`: its flags and help, beside what it does. */
export function register(program: Command): void {
  program
    .command("import")
    .description("people and teams from Backstage or a CSV roster; proposed RACI rows from CODEOWNERS")
    .argument("<file>", "the file to import")
    .addOption(
      new Option("--from <kind>", "what the file is")
        .choices(["backstage", "codeowners", "csv", "xlsx"])
        .makeOptionMandatory(),
    )
    .option(
      "--into <model>",
      "merge into this model file, keeping its comments (entries already there are skipped)",
    )
    .option("-o, --out <file>", "write the imported entries to a new file instead of standard output")
    .option(
      "--map <column=field...>",
      "csv: read a column as a field (name, email, title, id, roles, reportsTo, capacity, employment, or x-…)",
    )
    .addHelpText(
      "after",
      `
backstage: Group (team) and User entities → teams and people. csv: an HR roster; headers are
matched through common names (Full Name/Name, Work Email/Email, Job Title/Title, Manager → reportsTo
by name or e-mail, FTE → capacity, Employment Type → employment, Department → x-department) and a
column per competency holds levels 0–4; --map overrides. Titles map to roles through the catalog's
aliases, grades and abbreviations dropped ("Sr. MLOps Eng." → mlops-engineer). Every import ends with
what it did: people read, rows skipped, columns used and not used, titles left unmapped.
codeowners: each pattern mapped to an activity by the evidence classifier, its owners proposed as R.
xlsx: a workbook written by mlteam export --format xlsx (names may be edited: ids live in the headers).
Exit 0 done; 1 done but rows were skipped; 2 nothing usable (the headers it accepts are named).
Examples:
  mlteam import --from backstage org.yaml --out team/people.yaml
  mlteam import --from csv roster.csv --into mlteam.yaml
  mlteam import --from csv hr.csv --map "Worker=name" --map "Site=x-site"
  mlteam import --from codeowners .github/CODEOWNERS --into mlteam.yaml`,
    )
    .action(async (file: string, options) => importCommand(file, options));
}
