import { RULES } from "../../analysis/rules/index.ts";
import { checkTeam, requireValid } from "../../app/check-team.ts";
import { renderDiagnostics, summariseDiagnostics } from "../../render/diagnostics.ts";
import type { DoctorReport } from "../../render/doctor-report.ts";
import { renderFindingsText } from "../../render/findings-text.ts";
import { renderInvalidJson, renderInvalidMarkdown, renderInvalidSarif } from "../../render/invalid-model.ts";
import { type DoctorFormat, REPORTERS } from "../../render/reporters.ts";
import { renderScoreExplanation, renderScoreLine } from "../../render/score-text.ts";
import { VERSION } from "../../version.ts";
import { cliContext } from "../context.ts";
import { EXIT, ExitError } from "../exit.ts";
import { err, out, stderrColors, stdoutColors } from "../io.ts";

export interface DoctorOptions {
  format: DoctorFormat;
  explain?: boolean;
  evidence?: boolean;
  maxWarnings?: string;
  minScore?: string;
}

/** `mlteam doctor`: runs every rule and scores the team; exit 1 on error findings or a crossed gate, 2 on invalid input. */
export async function doctor(model: string, options: DoctorOptions): Promise<void> {
  const maxWarnings = gate("--max-warnings", options.maxWarnings, Number.POSITIVE_INFINITY);
  const minScore = gate("--min-score", options.minScore, 0, 100);
  const check = await checkTeam(model, { ...cliContext(), evidence: options.evidence ? "always" : "auto" });
  for (const warning of check.warnings) err(`warning: ${warning}`);
  if (!check.valid) {
    // Machine formats stay whole documents on stdout; the text format reports on stderr.
    const title = check.model.organisation?.name ?? model;
    if (options.format === "json") out(renderInvalidJson(check.diagnostics));
    else if (options.format === "sarif") out(renderInvalidSarif(check.diagnostics, VERSION));
    else if (options.format === "markdown") out(renderInvalidMarkdown(check.diagnostics, title));
    const c = stderrColors();
    err(renderDiagnostics(check.diagnostics, c));
    err(summariseDiagnostics(check.diagnostics, c));
    throw new ExitError(EXIT.invalid);
  }
  const valid = requireValid(check);
  const report: DoctorReport = {
    result: valid.doctor,
    score: valid.score,
    diagnostics: valid.diagnostics,
    rules: RULES,
    title: valid.model.organisation?.name ?? model,
  };
  if (options.format === "text") {
    const c = stdoutColors();
    if (valid.diagnostics.length > 0) err(renderDiagnostics(valid.diagnostics, stderrColors()));
    out(renderFindingsText(valid.doctor, c));
    out(renderScoreLine(valid.score, c));
    if (options.explain) out(`\n${renderScoreExplanation(valid.score, c)}`);
  } else {
    out(REPORTERS[options.format](report, VERSION));
  }
  const errors = valid.findings.filter((f) => f.severity === "error").length;
  const warnings = valid.findings.filter((f) => f.severity === "warn").length;
  const crossed: string[] = [];
  if (warnings > maxWarnings) crossed.push(`${warnings} warnings, more than --max-warnings ${maxWarnings}`);
  if (valid.score.overall < minScore)
    crossed.push(`health ${valid.score.overall}, below --min-score ${minScore}`);
  // Said where the summary is: after the score in text, on stderr beside a machine format.
  for (const line of crossed)
    (options.format === "text" ? out : err)(
      `${(options.format === "text" ? stdoutColors() : stderrColors()).red("✖ gate:")} ${line}`,
    );
  if (errors > 0 || crossed.length > 0) throw new ExitError(EXIT.findings);
}

function gate(
  flag: string,
  value: string | undefined,
  fallback: number,
  max = Number.POSITIVE_INFINITY,
): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n > max)
    throw new ExitError(
      EXIT.invalid,
      `${flag} must be a whole number${Number.isFinite(max) ? ` from 0 to ${max}` : " ≥ 0"}, got "${value}"`,
    );
  return n;
}
