/** Loads and validates the model a command was given, or stops with exit code 2. */
import { type CheckOptions, type CheckResult, checkModel } from "../analysis/check-model.ts";
import { fsHost } from "../io/fs-host.ts";
import { hasErrors } from "../model/diagnostic.ts";
import { renderDiagnostics, summariseDiagnostics } from "../render/diagnostics.ts";
import { EXIT, ExitError } from "./exit.ts";
import { err, stderrColors } from "./io.ts";

/** Checks the model; on invalid input prints the diagnostics to stderr and exits 2. */
export function loadValidModel(
  path: string,
  options: Pick<CheckOptions, "validateOnly" | "today"> = {},
): CheckResult {
  const result = checkModel(path, fsHost, options);
  if (hasErrors(result.diagnostics)) {
    const c = stderrColors();
    err(renderDiagnostics(result.diagnostics, c));
    throw new ExitError(EXIT.invalid, summariseDiagnostics(result.diagnostics, c));
  }
  return result;
}
