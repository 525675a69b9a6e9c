import { type Command, Option } from "commander";
import { InputError } from "../../app/errors.ts";
import type { ExportFormat } from "../../app/export-team.ts";
import { err, out, outBytes } from "../io.ts";
import { DEFAULT_MODEL_FILE, MODEL_ARG } from "../options.ts";

export interface ExportOptions {
  format: ExportFormat;
  out?: string;
  team?: string;
}

/** `mlteam export`: the model in other tools' formats. */
export async function exportCommand(modelPath: string, options: ExportOptions): Promise<void> {
  const { exportTeam } = await import("../../app/export-team.ts");
  const { writeOutput } = await import("../../app/write-output.ts");
  const { checkValidModel } = await import("../load.ts");
  if (options.format === "xlsx" && options.out === undefined && process.stdout.isTTY) {
    throw new InputError("an XLSX workbook is binary: pass --out <file>.xlsx (or redirect the output)");
  }
  const { exportWarnings } = await import("../../app/export-team.ts");
  const check = await checkValidModel(modelPath);
  const content = await exportTeam(
    check,
    options.format,
    options.team !== undefined ? { team: options.team } : {},
  );
  // What the format cannot carry is said, never lost silently.
  for (const warning of exportWarnings(check, options.format)) err(`warning: ${warning}`);
  if (options.out === undefined) {
    if (typeof content === "string") out(content);
    else outBytes(content);
    return;
  }
  writeOutput(options.out, content);
  out(`Wrote ${options.out} (${options.format}).`);
}

/** `mlteam export`: its flags and help, beside what it does. */
export function register(program: Command): void {
  program
    .command("export")
    .description(
      "write the team in other tools' formats: CSV roster, XLSX, JSON, Mermaid, CODEOWNERS, Backstage, Team API",
    )
    .argument("[model]", MODEL_ARG, DEFAULT_MODEL_FILE)
    .addOption(
      new Option("-f, --format <format>", "what to write")
        .choices(["csv", "xlsx", "json", "mermaid", "codeowners", "backstage", "team-api"])
        .makeOptionMandatory(),
    )
    .option("-o, --out <file>", "write to this file (atomically) instead of standard output")
    .option(
      "--team <id>",
      "codeowners only: the CODEOWNERS of one team's repository — owners are that team's people, those of the teams serving it, and their handles",
    )
    .addHelpText(
      "after",
      `
Formats: csv (a people roster with a column per competency), xlsx (the whole model, a sheet per
section and a column per field, the RACI also as a colour-coded matrix, and the findings; mlteam
import --from xlsx reads it back, every field), json (the resolved team, and the model whole under
"model"), mermaid (the topology as a flowchart),
codeowners (a catch-all first, then each activity's paths owned by its Accountable's handle or team
handle, plus one ML and one MLOps reviewer on ML code; never an opening), backstage (Groups for the
organisation, its units and teams with parent and children, a User per person, a System and a
Component per product owned by its team), team-api (a Team API per team as JSON: its Team Topologies
type, members, services, interactions, openings and on-call). What backstage and team-api cannot
carry of the model is named on stderr, a located warning per field.
Examples:
  mlteam export --format xlsx --out team.xlsx
  mlteam export --format codeowners --out .github/CODEOWNERS
  mlteam export --format codeowners --team fraud --out .github/CODEOWNERS
  mlteam export examples/central-platform --format mermaid`,
    )
    .action(async (model: string, options) => exportCommand(model, options));
}
