import { checkModel } from "../../analysis/check-model.ts";
import { fsHost } from "../../io/fs-host.ts";
import { hasErrors } from "../../model/diagnostic.ts";
import { renderDiagnostics, summariseDiagnostics } from "../../render/diagnostics.ts";
import { EXIT, ExitError } from "../exit.ts";
import { out, stdoutColors } from "../io.ts";

export interface ValidateOptions {
  format: "text" | "json";
}

/** `mlteam validate`: syntax, schema and references; exit 2 on any error. Never modifies the file. */
export function validate(model: string, options: ValidateOptions): void {
  const { diagnostics, model: loaded } = checkModel(model, fsHost, { validateOnly: true });
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
