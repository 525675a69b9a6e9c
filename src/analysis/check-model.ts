/**
 * The whole check of a model, as every surface runs it: load and validate the files, resolve
 * the team graph, then run the rules when the input is valid.
 */

import { posix } from "node:path";
import { CATALOG, type Catalog } from "../catalog/index.ts";
import type { EvidenceReport } from "../evidence/measures.ts";
import { type ResolveOptions, resolveTeam } from "../graph/resolve.ts";
import type { TeamGraph } from "../graph/types.ts";
import { type Diagnostic, hasErrors } from "../model/diagnostic.ts";
import { type LoadResult, loadModel, type ModelHost, sortDiagnostics } from "../model/load.ts";
import type { Model } from "../model/model.ts";
import { isOwnLocation } from "../model/org-context.ts";
import { type DoctorResult, type RunOptions, runRules } from "./engine.ts";
import type { Rule, RuleEnvironment } from "./rule.ts";
import { RULES } from "./rules/index.ts";

export interface CheckResult {
  model: Model;
  graph: TeamGraph;
  /** Input problems: syntax, schema, references, rule settings. Any error means the input is invalid. */
  diagnostics: Diagnostic[];
  /** The rules' findings; absent when the input is invalid. */
  doctor?: DoctorResult;
}

export interface CheckOptions {
  catalog?: Catalog;
  rules?: readonly Rule[];
  /** Stop after validation (no rules run). */
  validateOnly?: boolean;
  /** Today's date, YYYY-MM-DD, given by the surface (the core never reads the clock); required to run rules. */
  today?: string;
  /** Evidence from git history, for the rules that need it. */
  evidence?: EvidenceReport;
  /** Rule id → the milliseconds its check took, filled in when given (bench/doctor prints each rule's share). */
  timings?: Map<string, number>;
}

/** The model at `entry` loaded and resolved: its files, its graph and every input problem, no rules run. */
export interface ValidatedModel {
  model: Model;
  graph: TeamGraph;
  diagnostics: Diagnostic[];
}

/**
 * Loads, validates and resolves the model at `entry`: the first half of every check. People who have
 * left by `today` cover nothing from that day (like an absence without end; their ids stay valid).
 */
export function validateModel(
  entry: string,
  host: ModelHost,
  options: { catalog?: Catalog; today?: string; organisation?: InOrganisation } = {},
): ValidatedModel {
  const loaded = options.organisation?.loaded ?? loadModel(entry, host);
  // In the organisation, the team's model is resolved with what it needs of the other sources, and
  // only what is located in its own files is its problem (the others are checked on their own turn).
  const model = options.organisation ? options.organisation.compose(loaded.model) : loaded.model;
  const left = new Set(
    model.people
      .filter((p) => p.leaves !== undefined && options.today !== undefined && p.leaves <= options.today)
      .map((p) => p.id),
  );
  const resolved = resolveTeam(model, options.catalog ?? CATALOG, {
    absent: left,
    ...(options.organisation ? { references: options.organisation.references } : {}),
  });
  const diagnostics = options.organisation
    ? resolved.diagnostics.filter((d) => isOwnLocation(loaded.model, d))
    : resolved.diagnostics;
  return {
    model: loaded.model,
    graph: resolved.graph,
    diagnostics: sortDiagnostics([...loaded.diagnostics, ...diagnostics], loaded.model.files),
  };
}

/** How a team's model is checked as part of its organisation (src/app/org-check.ts gives it). */
export interface InOrganisation {
  /** The team's model, already loaded (every source is loaded once, to index the organisation). */
  loaded: LoadResult;
  /** The team's model with what it needs of the other sources (src/model/org-context.ts). */
  compose(own: Model): Model;
  /** How references that resolve nowhere are reported (see ResolveOptions). */
  references: NonNullable<ResolveOptions["references"]>;
}

/**
 * The second half: the rules over a valid model. Their rule-setting problems join the diagnostics; the
 * run is absent when one of them is an error. `checkTeam` (src/app) and {@link checkModel} both end here.
 */
export function runChecks(
  validated: ValidatedModel,
  rules: readonly Rule[],
  environment: RuleEnvironment,
  options: RunOptions = {},
): { diagnostics: Diagnostic[]; doctor?: DoctorResult } {
  const doctor = runRules(validated.graph, rules, environment, options);
  const diagnostics = [...validated.diagnostics, ...doctor.diagnostics];
  return hasErrors(doctor.diagnostics) ? { diagnostics } : { diagnostics, doctor };
}

/**
 * Validates the model at `entry` and, when it is valid, runs the rules over it — synchronously and
 * without evidence unless given: the library's check (`mlteam doctor` and the servers run `checkTeam`,
 * which adds evidence and the score around the same two halves).
 */
export function checkModel(entry: string, host: ModelHost, options: CheckOptions = {}): CheckResult {
  const validated = validateModel(entry, host, {
    ...(options.catalog ? { catalog: options.catalog } : {}),
    ...(options.today !== undefined ? { today: options.today } : {}),
  });
  const result: CheckResult = { ...validated };
  if (hasErrors(validated.diagnostics) || options.validateOnly) return result;
  if (options.today === undefined) throw new Error("checkModel: pass today's date to run the rules");
  const environment = ruleEnvironment(validated.model, host, options.today);
  if (options.evidence) environment.evidence = options.evidence;
  const checked = runChecks(
    validated,
    options.rules ?? RULES,
    environment,
    options.timings ? { timings: options.timings } : {},
  );
  result.diagnostics = checked.diagnostics;
  if (checked.doctor) result.doctor = checked.doctor;
  return result;
}

/** The date and file checks the rules of `model` see. */
export function ruleEnvironment(model: Model, host: ModelHost, today: string): RuleEnvironment {
  return {
    today,
    exists(node, path) {
      const file = model.origin(node)?.source.path ?? model.files[0] ?? ".";
      const target = posix.isAbsolute(path) ? path : posix.join(posix.dirname(file), path);
      return host.exists?.(target) ?? host.readFile(target) !== undefined;
    },
  };
}
