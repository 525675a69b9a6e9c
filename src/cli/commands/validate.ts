import { checkTeam } from "../../app/check-team.ts";
import { hasErrors } from "../../model/diagnostic.ts";
import { renderDiagnostics, summariseDiagnostics } from "../../render/diagnostics.ts";
import { cliContext } from "../context.ts";
import { EXIT, ExitError } from "../exit.ts";
import { out, stdoutColors } from "../io.ts";

export interface ValidateOptions {
  format: "text" | "json";
}

/** `mlteam validate`: syntax, schema and references; exit 2 on any error. Never modifies the file. */
export async function validate(model: string, options: ValidateOptions): Promise<void> {
  const { diagnostics, model: loaded } = await checkTeam(model, { ...cliContext(), validateOnly: true });
  const invalid = hasErrors(diagnostics);
  if (options.format === "json") {
    out(JSON.stringify({ valid: !invalid, files: loaded.files, diagnostics }, null, 2));
  } else {
    const c = stdoutColors();
    out(renderDiagnostics(diagnostics, c));
    out(
      `${summariseDiagnostics(diagnostics, c)}${invalid ? "" : c.dim(` (${loaded.files.length} ${loaded.files.length === 1 ? "file" : "files"})`)}`,
    );
  }
  if (invalid) throw new ExitError(EXIT.invalid);
}
