import { checkModel } from "../../analysis/check-model.ts";
import { RULES } from "../../analysis/rules/index.ts";
import { scoreFindings } from "../../analysis/score.ts";
import { fsHost } from "../../io/fs-host.ts";
import { hasErrors } from "../../model/diagnostic.ts";
import { renderDiagnostics, summariseDiagnostics } from "../../render/diagnostics.ts";
import type { DoctorReport } from "../../render/doctor-report.ts";
import { renderFindingsText } from "../../render/findings-text.ts";
import { type DoctorFormat, REPORTERS } from "../../render/reporters.ts";
import { renderScoreExplanation, renderScoreLine } from "../../render/score-text.ts";
import { VERSION } from "../../version.ts";
import { EXIT, ExitError } from "../exit.ts";
import { err, out, stderrColors, stdoutColors } from "../io.ts";
import { today } from "../today.ts";

export interface DoctorOptions {
  format: DoctorFormat;
  explain?: boolean;
}

/** `mlteam doctor`: runs every rule and scores the team; exit 1 on error findings, 2 on invalid input. */
export function doctor(model: string, options: DoctorOptions): void {
  const checked = checkModel(model, fsHost, { today: today() });
  const { doctor: result, diagnostics } = checked;
  if (!result || hasErrors(diagnostics)) {
    const c = stderrColors();
    err(renderDiagnostics(diagnostics, c));
    err(summariseDiagnostics(diagnostics, c));
    throw new ExitError(EXIT.invalid);
  }
  const report: DoctorReport = {
    result,
    score: scoreFindings(result.findings),
    diagnostics,
    rules: RULES,
    title: checked.model.organisation?.name ?? model,
  };
  if (options.format === "text") {
    const c = stdoutColors();
    if (diagnostics.length > 0) err(renderDiagnostics(diagnostics, stderrColors()));
    out(renderFindingsText(result, c));
    out(renderScoreLine(report.score, c));
    if (options.explain) out(`\n${renderScoreExplanation(report.score, c)}`);
  } else {
    out(REPORTERS[options.format](report, VERSION));
  }
  if (result.findings.some((f) => f.severity === "error")) throw new ExitError(EXIT.findings);
}
