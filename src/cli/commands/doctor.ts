import { dirname } from "node:path";
import { checkModel, ruleEnvironment } from "../../analysis/check-model.ts";
import { runRules } from "../../analysis/engine.ts";
import { RULES } from "../../analysis/rules/index.ts";
import { SCORE_AREAS, scoreFindings } from "../../analysis/score.ts";
import { modelRepositories } from "../../evidence/repositories.ts";
import { fsHost } from "../../io/fs-host.ts";
import { hasErrors } from "../../model/diagnostic.ts";
import type { Model } from "../../model/model.ts";
import { renderDiagnostics, summariseDiagnostics } from "../../render/diagnostics.ts";
import type { DoctorReport } from "../../render/doctor-report.ts";
import { renderFindingsText } from "../../render/findings-text.ts";
import { type DoctorFormat, REPORTERS } from "../../render/reporters.ts";
import { renderScoreExplanation, renderScoreLine } from "../../render/score-text.ts";
import { VERSION } from "../../version.ts";
import { EXIT, ExitError } from "../exit.ts";
import { err, out, stderrColors, stdoutColors } from "../io.ts";
import { storePath } from "../store-path.ts";
import { today } from "../today.ts";

export interface DoctorOptions {
  format: DoctorFormat;
  explain?: boolean;
  evidence?: boolean;
}

/** `mlteam doctor`: runs every rule and scores the team; exit 1 on error findings, 2 on invalid input. */
export async function doctor(model: string, options: DoctorOptions): Promise<void> {
  const date = today();
  const checked = checkModel(model, fsHost, { today: date, validateOnly: true });
  const { diagnostics } = checked;
  if (hasErrors(diagnostics)) {
    const c = stderrColors();
    err(renderDiagnostics(diagnostics, c));
    err(summariseDiagnostics(diagnostics, c));
    throw new ExitError(EXIT.invalid);
  }
  const environment = ruleEnvironment(checked.model, fsHost, date);
  const evidence = await gatherEvidence(checked.model, options.evidence === true, date);
  if (evidence) environment.evidence = evidence;
  const result = runRules(checked.graph, RULES, environment);
  diagnostics.push(...result.diagnostics);
  if (hasErrors(result.diagnostics)) {
    const c = stderrColors();
    err(renderDiagnostics(diagnostics, c));
    err(summariseDiagnostics(diagnostics, c));
    throw new ExitError(EXIT.invalid);
  }
  const report: DoctorReport = {
    result,
    score: scoreFindings(result.findings, evidence ? [...SCORE_AREAS, "evidence"] : SCORE_AREAS),
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

/**
 * Evidence for the doctor: from the repositories the model lists, or with --evidence and none
 * listed, from the repository the model lives in.
 */
async function gatherEvidence(model: Model, asked: boolean, date: string) {
  const listed = modelRepositories(model);
  if (listed.length === 0 && !asked) return undefined;
  // Loaded only when needed: the store's native module and git plumbing cost start-up time.
  const [{ collectEvidence }, { GitError, gitTry }, { openSqliteStore }] = await Promise.all([
    import("../../evidence/collect.ts"),
    import("../../evidence/git.ts"),
    import("../../store/sqlite.ts"),
  ]);
  const repositories = [];
  if (listed.length === 0) {
    const top = gitTry(dirname(model.files[0] ?? "."), ["rev-parse", "--show-toplevel"])?.trim();
    if (!top)
      throw new ExitError(
        EXIT.invalid,
        "--evidence: the model lists no `evidence.repositories` and is not inside a git repository",
      );
    repositories.push({ path: top });
  }
  const store = await openSqliteStore(storePath(model));
  try {
    const collected = await collectEvidence({ model, repositories, store, today: date });
    for (const warning of collected.warnings) err(`warning: ${warning}`);
    return collected.report;
  } catch (error) {
    if (error instanceof GitError) throw new ExitError(EXIT.invalid, error.message);
    throw error;
  } finally {
    await store.close();
  }
}
