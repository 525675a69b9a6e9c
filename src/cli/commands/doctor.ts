import { checkModel } from "../../analysis/check-model.ts";
import { fsHost } from "../../io/fs-host.ts";
import { hasErrors } from "../../model/diagnostic.ts";
import { renderDiagnostics, summariseDiagnostics } from "../../render/diagnostics.ts";
import { renderFindingsJson } from "../../render/findings-json.ts";
import { renderFindingsText } from "../../render/findings-text.ts";
import { EXIT, ExitError } from "../exit.ts";
import { err, out, stderrColors, stdoutColors } from "../io.ts";
import { today } from "../today.ts";

export interface DoctorOptions {
  format: "text" | "json";
}

/** `mlteam doctor`: runs every rule; exit 1 on error findings, 2 on invalid input. */
export function doctor(model: string, options: DoctorOptions): void {
  const result = checkModel(model, fsHost, { today: today() });
  const { doctor: findings, diagnostics } = result;
  if (!findings || hasErrors(diagnostics)) {
    if (options.format === "json") {
      out(JSON.stringify({ findings: [], diagnostics, summary: { valid: false } }, null, 2));
    } else {
      const c = stderrColors();
      err(renderDiagnostics(diagnostics, c));
      err(summariseDiagnostics(diagnostics, c));
    }
    throw new ExitError(EXIT.invalid);
  }
  if (options.format === "json") {
    out(renderFindingsJson(findings, diagnostics));
  } else {
    if (diagnostics.length > 0) err(renderDiagnostics(diagnostics, stderrColors()));
    out(renderFindingsText(findings, stdoutColors()));
  }
  if (findings.findings.some((f) => f.severity === "error")) throw new ExitError(EXIT.findings);
}
