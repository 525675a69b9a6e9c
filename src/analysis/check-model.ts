/**
 * The whole check of a model, as every surface runs it: load and validate the files, resolve
 * the team graph, then run the rules when the input is valid.
 */

import { posix } from "node:path";
import { CATALOG, type Catalog } from "../catalog/index.ts";
import type { EvidenceReport } from "../evidence/measures.ts";
import { resolveTeam } from "../graph/resolve.ts";
import type { TeamGraph } from "../graph/types.ts";
import { append } from "../model/append.ts";
import { type Diagnostic, hasErrors } from "../model/diagnostic.ts";
import { loadModel, type ModelHost, sortDiagnostics } from "../model/load.ts";
import type { Model } from "../model/model.ts";
import { type DoctorResult, runRules } from "./engine.ts";
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
}

/** Validates the model at `entry` and, when it is valid, runs the rules over it. */
export function checkModel(entry: string, host: ModelHost, options: CheckOptions = {}): CheckResult {
  const loaded = loadModel(entry, host);
  // From the day they leave, people cover nothing: like an absence without end (their ids stay valid).
  const left = new Set(
    loaded.model.people
      .filter((p) => p.leaves !== undefined && options.today !== undefined && p.leaves <= options.today)
      .map((p) => p.id),
  );
  const { graph, diagnostics } = resolveTeam(loaded.model, options.catalog ?? CATALOG, { absent: left });
  const all = sortDiagnostics([...loaded.diagnostics, ...diagnostics], loaded.model.files);
  const result: CheckResult = { model: loaded.model, graph, diagnostics: all };
  if (hasErrors(all) || options.validateOnly) return result;
  if (options.today === undefined) throw new Error("checkModel: pass today's date to run the rules");
  const environment = ruleEnvironment(loaded.model, host, options.today);
  if (options.evidence) environment.evidence = options.evidence;
  const doctor = runRules(graph, options.rules ?? RULES, environment);
  append(all, doctor.diagnostics);
  if (!hasErrors(doctor.diagnostics)) result.doctor = doctor;
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
