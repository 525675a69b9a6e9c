/**
 * The use case behind `mlteam doctor`, `GET /api/findings`, the docs charter, exports and what-if:
 * load and validate the model, gather git evidence when the model lists repositories (or when
 * asked), run the rules and score the findings. Every surface calls this, so they cannot disagree.
 */

import { type InOrganisation, ruleEnvironment, runChecks, validateModel } from "../analysis/check-model.ts";
import { assessCoverage } from "../analysis/coverage.ts";
import type { DoctorResult } from "../analysis/engine.ts";
import type { Finding, Framework, Rule, RuleEnvironment } from "../analysis/rule.ts";
import { RULES } from "../analysis/rules/index.ts";
import { type Score, scoredAreas, scoreTeam } from "../analysis/score.ts";
import type { EvidenceReport } from "../evidence/measures.ts";
import { modelRepositories } from "../evidence/model-repositories.ts";
import type { TeamGraph } from "../graph/types.ts";
import { append } from "../model/append.ts";
import { type Diagnostic, hasErrors } from "../model/diagnostic.ts";
import type { ModelHost } from "../model/load.ts";
import type { Model } from "../model/model.ts";
import { isOwnLocation } from "../model/org-context.ts";
import { InvalidModelError } from "./errors.ts";
import type { EvidenceGatherer } from "./evidence.ts";

export interface CheckTeamOptions {
  /** The file system as the model loader sees it. */
  host: ModelHost;
  /** Today's date, YYYY-MM-DD: date-dependent rules run as of this day. */
  today: string;
  /**
   * `auto` (default): gather evidence when the model lists `evidence.repositories`; `always`: also
   * from the repository the model lives in; `never`: rules only.
   */
  evidence?: "auto" | "always" | "never";
  /** How to gather evidence; required unless `evidence` is `never`. */
  gatherEvidence?: EvidenceGatherer;
  /** Validate only: no rules, no evidence. */
  validateOnly?: boolean;
  rules?: readonly Rule[];
  /** Governance frameworks to check besides those the model lists. */
  frameworks?: readonly Framework[];
  /**
   * Check the team as part of its organisation: its references resolve across every source, what
   * the teams serving it provide counts, and only findings located in its own files are its own.
   */
  organisation?: InOrganisation;
}

export interface TeamCheck {
  model: Model;
  graph: TeamGraph;
  /** Input problems and rule-setting warnings; any error means the model is invalid. */
  diagnostics: Diagnostic[];
  valid: boolean;
  /** The rules' run; absent when the model is invalid or only validated. */
  doctor?: DoctorResult;
  /** The health score over the findings (with the evidence area when there was evidence). */
  score?: Score;
  evidence?: EvidenceReport;
  /** Notes from gathering evidence (e.g. a shallow clone). */
  warnings: string[];
  /** The date and file checks the rules saw, for what-ifs and rankings that re-run them. */
  environment: RuleEnvironment;
  rules: readonly Rule[];
}

/** A check of a valid model: findings and score are there. */
export interface ValidTeamCheck extends TeamCheck {
  valid: true;
  doctor: DoctorResult;
  score: Score;
  findings: Finding[];
}

/** Checks the model at `entry`. Invalid input is returned (with its diagnostics), not thrown. */
export async function checkTeam(entry: string, options: CheckTeamOptions): Promise<TeamCheck> {
  const rules = options.rules ?? RULES;
  const validated = validateModel(entry, options.host, {
    today: options.today,
    ...(options.organisation ? { organisation: options.organisation } : {}),
  });
  const environment = ruleEnvironment(validated.model, options.host, options.today);
  if (options.frameworks?.length) environment.frameworks = options.frameworks;
  const result: TeamCheck = {
    model: validated.model,
    graph: validated.graph,
    diagnostics: validated.diagnostics,
    valid: !hasErrors(validated.diagnostics),
    warnings: [],
    environment,
    rules,
  };
  if (!result.valid || options.validateOnly) return result;
  const mode = options.evidence ?? "auto";
  const wanted = mode === "always" || (mode === "auto" && modelRepositories(validated.model).length > 0);
  if (wanted) {
    if (!options.gatherEvidence) throw new Error("checkTeam: evidence wanted but no gatherer given");
    const gathered = await options.gatherEvidence({ model: validated.model, today: options.today });
    append(result.warnings, gathered.warnings);
    if (gathered.report) {
      result.evidence = gathered.report;
      environment.evidence = gathered.report;
    }
  }
  const checked = runChecks(validated, rules, environment);
  result.diagnostics = checked.diagnostics;
  const doctor = checked.doctor;
  if (!doctor) {
    result.valid = false;
    return result;
  }
  if (options.organisation) {
    const own = doctor.findings.filter((f) => isOwnLocation(validated.model, f.location));
    doctor.findings.length = 0;
    doctor.findings.push(...own);
  }
  result.doctor = doctor;
  result.score = scoreTeam({
    findings: doctor.findings,
    rules: doctor.ran,
    coverage: assessCoverage(validated.graph),
    areas: scoredAreas(result.evidence !== undefined),
  });
  return result;
}

/** The check of a valid model, or an {@link InvalidModelError} with every diagnostic. */
export function requireValid(check: TeamCheck): ValidTeamCheck {
  if (!check.valid || !check.doctor || !check.score) throw new InvalidModelError(check.diagnostics);
  return { ...check, valid: true, doctor: check.doctor, score: check.score, findings: check.doctor.findings };
}

/** Loads and validates only (no rules, no evidence): for commands that need the graph alone; an {@link InvalidModelError} when it does not validate. */
export async function loadValidTeam(entry: string, options: Pick<CheckTeamOptions, "host" | "today">) {
  const check = await checkTeam(entry, { ...options, validateOnly: true, evidence: "never" });
  if (!check.valid) throw new InvalidModelError(check.diagnostics);
  return check;
}
