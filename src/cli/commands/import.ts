import { existsSync, readFileSync } from "node:fs";
import { type Command, Option } from "commander";
import type { ImportKind } from "../../app/import-file.ts";
import { EXIT, ExitError } from "../exit.ts";
import { err, out } from "../io.ts";

export interface ImportOptions {
  from: ImportKind;
  into?: string;
  out?: string;
}

/** `mlteam import`: people and teams from Backstage or a CSV roster, proposed RACI rows from CODEOWNERS. */
export async function importCommand(file: string, options: ImportOptions): Promise<void> {
  const { importEntries, importedFragment, mergeImported } = await import("../../app/import-file.ts");
  const { writeFileAtomic } = await import("../../io/write-atomic.ts");
  const { loadValidModel } = await import("../load.ts");
  if (!existsSync(file)) throw new ExitError(EXIT.invalid, `no such file: ${file}`);
  const text = readFileSync(file, "utf8");
  const target =
    options.into ?? (existsSync("mlteam.yaml") && options.from === "codeowners" ? "mlteam.yaml" : undefined);
  const into = target ? await loadValidModel(target) : undefined;
  const imported = importEntries(options.from, file, text, into);
  for (const note of imported.notes) err(`note: ${note}`);
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
        `Wrote ${options.out}: ${imported.people.length} people, ${imported.teams.length} teams, ${imported.raci.length} RACI rows.`,
      );
    }
    return;
  }
  const merged = mergeImported(readFileSync(options.into, "utf8"), imported);
  if (merged.added.length > 0) writeFileAtomic(options.into, merged.text);
  out(
    `${options.into}: added ${merged.added.length}${merged.added.length ? ` (${merged.added.join(", ")})` : ""}`,
  );
  if (merged.skipped.length) out(`skipped ${merged.skipped.length}: ${merged.skipped.join(", ")}`);
}

/** `mlteam import`: its flags and help, beside what it does. */
export function register(program: Command): void {
  program
    .command("import")
    .description("people and teams from Backstage or a CSV roster; proposed RACI rows from CODEOWNERS")
    .argument("<file>", "the file to import")
    .addOption(
      new Option("--from <kind>", "what the file is")
        .choices(["backstage", "codeowners", "csv"])
        .makeOptionMandatory(),
    )
    .option(
      "--into <model>",
      "merge into this model file, keeping its comments (entries already there are skipped)",
    )
    .option("-o, --out <file>", "write the imported entries to a new file instead of standard output")
    .addHelpText(
      "after",
      `
backstage: Group (team) and User entities → teams and people. csv: a roster with name, email, title
(and optionally id, roles, reports_to, and a column per competency with levels 0–4) → people whose
titles map to roles through the catalog's aliases; unmapped titles are reported. codeowners: each
pattern mapped to an activity by the evidence classifier, its owners (by handle) proposed as R.
Examples:
  mlteam import --from backstage org.yaml --out team/people.yaml
  mlteam import --from csv roster.csv --into mlteam.yaml
  mlteam import --from codeowners .github/CODEOWNERS --into mlteam.yaml`,
    )
    .action(async (file: string, options) => importCommand(file, options));
}
