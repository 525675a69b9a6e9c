import { existsSync, readFileSync } from "node:fs";
import { type Command, Option } from "commander";
import { InputError } from "../../app/errors.ts";
import type { ImportKind } from "../../app/import-file.ts";
import { CommandFailed } from "../exit.ts";
import { err, out } from "../io.ts";
import { DEFAULT_MODEL_FILE } from "../options.ts";

export interface ImportOptions {
  from: ImportKind;
  into?: string;
  out?: string;
  map?: string[];
}

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** `mlteam import`: people and teams from Backstage or a CSV roster, proposed RACI rows from CODEOWNERS. */
export async function importCommand(file: string, options: ImportOptions): Promise<void> {
  const { importEntries, importedFragment, mergeImported } = await import("../../app/import-file.ts");
  const { writeOutput } = await import("../../app/write-output.ts");
  const { loadValidModel } = await import("../load.ts");
  if (!existsSync(file)) throw new InputError(`no such file: ${file}`);
  const text = options.from === "xlsx" ? readFileSync(file) : readFileSync(file, "utf8");
  const target =
    options.into ??
    (existsSync(DEFAULT_MODEL_FILE) && options.from === "codeowners" ? DEFAULT_MODEL_FILE : undefined);
  const into = target ? await loadValidModel(target) : undefined;
  const map: Record<string, string> = {};
  for (const pair of options.map ?? []) {
    const at = pair.lastIndexOf("=");
    if (at <= 0) throw new InputError(`--map takes column=field, got "${pair}"`);
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
  const { renderImportSummary } = await import("../../render/import-summary.ts");
  err(renderImportSummary(file, options.from, imported));
  // Rows skipped: the import is partial (exit 1 once written).
  const partial = (summary?.skipped ?? 0) > 0;
  if (options.into === undefined) {
    const fragment = importedFragment(imported, file);
    if (options.out === undefined) out(fragment);
    else {
      if (existsSync(options.out))
        throw new InputError(`${options.out} already exists; choose another --out, or merge with --into`);
      writeOutput(options.out, fragment);
      out(
        `Wrote ${options.out}: ${[
          count(imported.people.length, "person", "people"),
          count(imported.teams.length, "team"),
          ...(imported.units?.length ? [count(imported.units.length, "unit")] : []),
          ...(imported.products?.length ? [count(imported.products.length, "product")] : []),
          count(imported.raci.length, "RACI row"),
        ].join(", ")}.`,
      );
    }
    if (partial) throw new CommandFailed("findings");
    return;
  }
  const merged = mergeImported(readFileSync(options.into, "utf8"), imported);
  if (merged.added.length > 0) writeOutput(options.into, merged.text);
  out(
    `${options.into}: added ${merged.added.length}${merged.added.length ? ` (${merged.added.join(", ")})` : ""}`,
  );
  if (merged.skipped.length) out(`skipped ${merged.skipped.length}: ${merged.skipped.join(", ")}`);
  if (partial) throw new CommandFailed("findings");
}

/** `mlteam import`: its flags and help, beside what it does. */
export function register(program: Command): void {
  program
    .command("import")
    .description(
      "people, teams and the organisation tree from Backstage, a CSV roster or a workbook; proposed RACI rows from CODEOWNERS",
    )
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
backstage: Group and User entities, following Location targets (paths and globs relative to the
file); team groups → teams, the organization → the root, other groups (department…) → units of the
tree, with their parents; names that clash across namespaces keep the namespace in the id.
csv: an HR roster; headers are matched through common names (Full Name/Name, Work Email/Email,
Job Title/Title, Manager → reportsTo by name or e-mail, FTE → capacity, Employment Type →
employment, Department → x-department), a column per competency holds levels 0–4; --map overrides.
Titles map to roles through the catalog's aliases, grades and abbreviations dropped ("Sr. MLOps
Eng." → mlops-engineer).
codeowners: each rule mapped to an activity by the evidence patterns, its owners (people by handle
or e-mail, teams by handle) proposed as R; with no model, the owners become people and teams.
xlsx: a workbook written by mlteam export --format xlsx (names may be edited: ids live in the headers).
Every import ends with what it did (read, skipped, not used, unmapped) on standard error.
Exit 0 done; 1 done but rows were skipped; 2 nothing usable (what it accepts is named).
See docs/import-export.md.
Examples:
  mlteam import --from backstage org.yaml --out team/people.yaml
  mlteam import --from csv roster.csv --into mlteam.yaml
  mlteam import --from csv hr.csv --map "Worker=name" --map "Site=x-site"
  mlteam import --from codeowners .github/CODEOWNERS --into mlteam.yaml
  mlteam import --from codeowners .github/CODEOWNERS --out mlteam.people.yaml`,
    )
    .action(async (file: string, options) => importCommand(file, options));
}
