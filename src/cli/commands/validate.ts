import type { Command } from "commander";
import { CommandFailed } from "../exit.ts";
import { out, stdoutColors } from "../io.ts";
import { DEFAULT_MODEL_FILE, format, MODEL_ARG } from "../options.ts";

export interface ValidateOptions {
  format: "text" | "json";
}

/** `mlteam validate`: syntax, schema and references; exit 2 on any error. Never modifies the file. */
export async function validate(model: string, options: ValidateOptions): Promise<void> {
  const { checkTeam } = await import("../../app/check-team.ts");
  const { renderDiagnostics, summariseDiagnostics } = await import("../../render/diagnostics.ts");
  const { cliContext } = await import("../context.ts");
  const check = await checkTeam(model, { ...cliContext(), validateOnly: true });
  const { diagnostics, model: loaded } = check;
  const invalid = !check.valid;
  if (options.format === "json") {
    out(JSON.stringify({ valid: !invalid, files: loaded.files, diagnostics }, null, 2));
  } else {
    const c = stdoutColors();
    out(renderDiagnostics(diagnostics, c));
    out(
      `${summariseDiagnostics(diagnostics, c)}${invalid ? "" : c.dim(` (${loaded.files.length} ${loaded.files.length === 1 ? "file" : "files"})`)}`,
    );
  }
  if (invalid) throw new CommandFailed("reported");
}

/** `mlteam validate`: its flags and help, beside what it does. */
export function register(program: Command): void {
  program
    .command("validate")
    .description("check the model's YAML, schema and references; never modifies the file")
    .argument("[model]", MODEL_ARG, DEFAULT_MODEL_FILE)
    .addOption(format(["text", "json"], "text"))
    .addHelpText(
      "after",
      `
Each problem is printed as  file:line:col  error  message  (code).
Examples:
  mlteam validate
  mlteam validate examples/meghan-story --format json`,
    )
    .action(async (model: string, options) => validate(model, options));
}
