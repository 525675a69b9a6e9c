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
  dryRun?: boolean;
}

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** `mlteam import`: people and teams from Backstage or a CSV roster, proposed RACI rows from CODEOWNERS. */
export async function importCommand(file: string, options: ImportOptions): Promise<void> {
  const { importEntries, importedFragment } = await import("../../app/import-file.ts");
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
    if (options.dryRun) throw new InputError("--dry-run shows what --into would change: give --into <model>");
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
  if (!into) throw new InputError(`no model at ${options.into}`);
  const { mergeIntoWholeModel } = await import("../../app/import-merge.ts");
  const { cliContext } = await import("../context.ts");
  const { InvalidModelError } = await import("../../app/errors.ts");
  const merged = await mergeIntoWholeModel(options.into, into, imported, {
    ...cliContext(),
    ...(options.dryRun ? { dryRun: true } : {}),
  }).catch((error: unknown) => {
    if (error instanceof InvalidModelError)
      err(
        `${options.into}: the import would make the model invalid; nothing was written. The problems, in the merged files:`,
      );
    throw error;
  });
  for (const line of merged.matched) err(`matched ${line}`);
  if (options.dryRun) out(merged.diff || "No change: the model already holds everything imported.");
  const verb = merged.written || !options.dryRun ? "" : " (dry run: nothing written)";
  out(
    `${options.into}${verb}: added ${merged.added.length}${merged.added.length ? ` (${merged.added.join(", ")})` : ""}; updated ${merged.updated.length}${merged.updated.length ? ` (${merged.updated.join("; ")})` : ""}`,
  );
  if (merged.skipped.length) out(`skipped ${merged.skipped.length}: ${merged.skipped.join(", ")}`);
  if (partial) throw new CommandFailed("findings");
}

/** `mlteam import`: its flags and help, beside what it does. */
export function register(program: Command): void {
  program
    .command("import")
    .description(
      "people, teams and the organisation tree from Backstage, an HR roster (CSV), a SCIM export or a workbook; proposed RACI rows from CODEOWNERS",
    )
    .argument("<file>", "the file to import")
    .addOption(
      new Option("--from <kind>", "what the file is")
        .choices(["backstage", "codeowners", "csv", "scim", "xlsx"])
        .makeOptionMandatory(),
    )
    .option(
      "--into <model>",
      "merge into this model (every included file): people already there are matched and updated in their file, comments kept; only the new are added",
    )
    .option("--dry-run", "with --into: print the change as a diff and write nothing")
    .option("-o, --out <file>", "write the imported entries to a new file instead of standard output")
    .option(
      "--map <column=field...>",
      "csv: read a column as a field (name, email, title, id, handle, git, roles, reportsTo, capacity, employment, team, joined, leaves, skill:<competency>, or x-…)",
    )
    .addHelpText(
      "after",
      `
backstage: Group and User entities, following Location targets (paths and globs relative to the
file); team groups → teams, the organization → the root, other groups (department…) → units of the
tree, with their parents; names that clash across namespaces keep the namespace in the id.
csv: an HR roster; headers are matched through common names, so Workday, BambooHR and HiBob
exports need no --map: Worker/Full Name/Display name → name, Email - Work/Work Email → email,
Business Title/Job Title → title, Manager/Reports to → reportsTo (another row, by name, e-mail or
id), Supervisory Organization/Department → team, Worker Type/Employment Status/Employment type →
employment (contingent, contractor, intern… → contractor), Hire Date/Start date → joined,
Termination Date → leaves (ISO, 03/15/2021 or 15/03/2021 by the column's days, 15-Mar-2021),
FTE → capacity, a column per competency holds levels 0–4; --map overrides. Titles map to roles
through the catalog's aliases ("Sr. MLOps Eng." → mlops-engineer); those that do not are listed one
a line with the role it would guess and why not. Two rows of one e-mail or id are one person.
scim: a SCIM 2.0 ListResponse (Okta, Entra ID): Users → people (e-mails, title, userType, the
enterprise extension's department and manager → reportsTo; inactive → leaves, on meta.lastModified),
Groups → teams with their members.
codeowners: each rule mapped to an activity by the evidence patterns, its owners (people by handle
or e-mail, teams by handle) proposed as R; with no model, the owners become people and teams.
xlsx: a workbook written by mlteam export --format xlsx (names may be edited: ids live in the headers).
--into: people are matched by id, any e-mail, handle, then full name (each match is said); a match
is updated in the file that holds it, only the new are added, and the same import twice changes
nothing. The merged model is validated first: when it would be invalid nothing is written (exit 2,
its problems located). --dry-run prints the change as a diff.
Every import ends with what it did (read, skipped, not used, unmapped) on standard error.
Exit 0 done; 1 done but rows were skipped; 2 nothing usable (what it accepts is named).
See docs/import-export.md.
Examples:
  mlteam import --from backstage org.yaml --out team/people.yaml
  mlteam import --from csv roster.csv --into mlteam.yaml
  mlteam import --from csv workday.csv --into mlteam.yaml --dry-run
  mlteam import --from scim users.json --into mlteam.yaml
  mlteam import --from csv hr.csv --map "Associate=name" --map "Site=x-site"
  mlteam import --from codeowners .github/CODEOWNERS --into mlteam.yaml
  mlteam import --from codeowners .github/CODEOWNERS --out mlteam.people.yaml`,
    )
    .action(async (file: string, options) => importCommand(file, options));
}
