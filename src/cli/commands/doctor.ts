import type { Command } from "commander";
import { InputError } from "../../app/errors.ts";
import type { DoctorReport } from "../../render/doctor-report.ts";
import type { DoctorFormat } from "../../render/reporters.ts";
import { VERSION } from "../../version.ts";
import { CommandFailed } from "../exit.ts";
import { err, out, stderrColors, stdoutColors } from "../io.ts";
import { DEFAULT_MODEL_FILE, format, MODEL_ARG } from "../options.ts";

export interface DoctorOptions {
  format: DoctorFormat;
  explain?: boolean;
  evidence?: boolean;
  maxWarnings?: string;
  minScore?: string;
}

/** `mlteam doctor`: runs every rule and scores the team; exit 1 on error findings or a crossed gate, 2 on invalid input. */
export async function doctor(model: string, options: DoctorOptions): Promise<void> {
  const { checkTeam, requireValid } = await import("../../app/check-team.ts");
  const { renderDiagnostics } = await import("../../render/diagnostics.ts");
  const { InvalidModelError } = await import("../../app/errors.ts");
  const { renderFindingsText } = await import("../../render/findings-text.ts");
  const { REPORTERS } = await import("../../render/reporters.ts");
  const { renderScoreExplanation, renderScoreLine } = await import("../../render/score-text.ts");
  const { cliContext } = await import("../context.ts");
  const maxWarnings = gate("--max-warnings", options.maxWarnings, Number.POSITIVE_INFINITY);
  const minScore = gate("--min-score", options.minScore, 0, 100);
  const check = await checkTeam(model, { ...cliContext(), evidence: options.evidence ? "always" : "auto" });
  for (const warning of check.warnings) err(`warning: ${warning}`);
  // An invalid model is reported at the CLI's edge (cli/main.ts), as the doctor's document in a machine format.
  if (!check.valid) throw new InvalidModelError(check.diagnostics, check.model.organisation?.name ?? model);
  const valid = requireValid(check);
  const report: DoctorReport = {
    result: valid.doctor,
    score: valid.score,
    diagnostics: valid.diagnostics,
    rules: valid.rules,
    title: valid.model.organisation?.name ?? model,
  };
  if (options.format === "text") {
    const c = stdoutColors();
    if (valid.diagnostics.length > 0) err(renderDiagnostics(valid.diagnostics, stderrColors()));
    out(renderFindingsText(valid.doctor, c));
    out(renderScoreLine(valid.score, c));
    if (options.explain) out(`\n${renderScoreExplanation(valid.score, c, valid.graph)}`);
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
  if (errors > 0 || crossed.length > 0) throw new CommandFailed("findings");
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
    throw new InputError(
      `${flag} must be a whole number${Number.isFinite(max) ? ` from 0 to ${max}` : " ≥ 0"}, got "${value}"`,
    );
  return n;
}

/** `mlteam doctor`: its flags and help, beside what it does. */
export function register(program: Command): void {
  program
    .command("doctor")
    .description("find gaps and risks in the team and score its health (exit 1 on error findings)")
    .argument("[model]", MODEL_ARG, DEFAULT_MODEL_FILE)
    .addOption(format(["text", "json", "markdown", "sarif"], "text"))
    .option("--explain", "show how the health score is made: what each rule's findings cost")
    .option(
      "--evidence",
      "also check the RACI against git history (automatic when the model lists evidence.repositories)",
    )
    .option("--max-warnings <n>", "CI gate: exit 1 when there are more than n warning-level findings")
    .option("--min-score <s>", "CI gate: exit 1 when the health score is below s (0–100)")
    .addHelpText(
      "after",
      `
The first line is the verdict: the most severe finding. Then errors, warnings and info, each in area
order with its location and rule id, and a rule's fix once; then the health score (0–100, overall
and per area, with the coverage of what the model records — see docs/score.md). Colour on a
terminal; NO_COLOR=1 turns it off.
Formats: text; json ({ findings, diagnostics, score, summary }); markdown (for a pull-request
comment); sarif (SARIF 2.1.0 for code scanning, pointing into the YAML). On an invalid model every
format still writes a whole document (the input problems, located) and the exit code is 2.
Rule severities and options are set in the model under \`rules:\`; MLTEAM_TODAY=YYYY-MM-DD runs the
date-dependent rules (absences, review ages, suppression expiry) as of another day.
Examples:
  mlteam doctor
  mlteam doctor examples/meghan-story --explain
  mlteam doctor --format sarif > mlteam.sarif
  mlteam doctor --max-warnings 10 --min-score 70    # fail CI on drift, not only on errors
  mlteam doctor --format markdown >> "$GITHUB_STEP_SUMMARY"`,
    )
    .action(async (model: string, options) => doctor(model, options));
}
