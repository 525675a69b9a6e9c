/**
 * Runs rules over the team graph and collects their findings: applies the model's severity
 * settings and options, honours suppressions, and reports settings that name no rule.
 */
import type { PersonNode, RaciEntry, TeamGraph } from "../graph/types.ts";
import type { Diagnostic } from "../model/diagnostic.ts";
import type { Model } from "../model/model.ts";
import type { RuleSetting, Suppression } from "../model/schema.ts";
import { didYouMean } from "../model/suggest.ts";
import { factsOf } from "./graph-facts.ts";
import type { Finding, Report, Rule, RuleEnvironment, Severity } from "./rule.ts";
import { SCORE_AREAS } from "./score.ts";

/** For callers without a clock or files: an undated run in which no file exists. */
export const NO_ENVIRONMENT: RuleEnvironment = { today: "", exists: () => false };

export interface DoctorResult {
  findings: Finding[];
  /** Problems with the `rules` and `suppress` sections themselves. */
  diagnostics: Diagnostic[];
  /** How many findings suppressions hid. */
  suppressed: number;
  /** The rules that ran: not turned off, and what they need was there. */
  ran: Rule[];
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warn: 1, info: 2 };

export interface RunOptions {
  /** Rule id → the milliseconds its check took, added to when given (bench/doctor prints each rule's share). */
  timings?: Map<string, number>;
}

/** The rows and people that rules declared `per: "row"` / `per: "person"` check. */
export interface Scope {
  rows: readonly RaciEntry[];
  people: readonly PersonNode[];
}

/** Runs `rules` over `graph`. */
export function runRules(
  graph: TeamGraph,
  rules: readonly Rule[],
  environment: RuleEnvironment = NO_ENVIRONMENT,
  options: RunOptions = {},
): DoctorResult {
  const diagnostics: Diagnostic[] = [];
  checkRuleSettings(graph, rules, diagnostics);
  const run: RuleRun = {
    graph,
    suppressions: activeSuppressions(graph.model, environment.today, diagnostics),
    findings: [],
    suppressed: 0,
  };
  const ran = rulesThatRun(graph, rules, environment);
  const facts = factsOf(graph);
  runEachRule(run, ran, environment, { rows: graph.raci, people: facts.everyone() }, options.timings);
  reportUnusedSuppressions(graph.model, run.suppressions, diagnostics);
  run.findings.sort(compareFindings);
  return { findings: run.findings, diagnostics, suppressed: run.suppressed, ran };
}

/**
 * What `rules` (each of which runs: see {@link rulesThatRun}) find in `scope` of `graph`, as
 * {@link runRules} reports them there — severities, options and suppressions applied, not sorted:
 * a what-if's re-check of the rows and people its change touches (src/analysis/recheck.ts).
 */
export function findingsIn(
  graph: TeamGraph,
  rules: readonly Rule[],
  environment: RuleEnvironment,
  scope: Scope,
): Finding[] {
  const run: RuleRun = {
    graph,
    suppressions: activeSuppressions(graph.model, environment.today, []),
    findings: [],
    suppressed: 0,
  };
  runEachRule(run, rules, environment, scope);
  return run.findings;
}

/** Sorts findings as the doctor lists them: most severe first, then by area, then by place in the model. */
export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort(compareFindings);
}

/** The rules of `rules` that run on `graph`: not turned off, what they need is there, their framework is on. */
export function rulesThatRun(graph: TeamGraph, rules: readonly Rule[], environment: RuleEnvironment): Rule[] {
  const frameworks: readonly string[] = [
    ...(graph.organisation?.frameworks ?? []),
    ...(environment.frameworks ?? []),
  ];
  return rules.filter(
    (rule) =>
      severityOf(settingOf(graph.model, rule)) !== "off" &&
      !(rule.meta.needs?.includes("evidence") && !environment.evidence) &&
      !(rule.meta.frameworks && !rule.meta.frameworks.some((f) => frameworks.includes(f))),
  );
}

/** A suppression in force, and whether it has hidden a finding yet. */
interface ActiveSuppression {
  s: Suppression;
  used: boolean;
}

/** What the rules of one run share: the graph, the suppressions in force and what they collect. */
interface RuleRun {
  graph: TeamGraph;
  suppressions: ActiveSuppression[];
  findings: Finding[];
  /** How many findings suppressions hid. */
  suppressed: number;
}

/** Reports `rules:` settings that name no rule, name a rule by its old id, or give it bad options. */
function checkRuleSettings(graph: TeamGraph, rules: readonly Rule[], diagnostics: Diagnostic[]): void {
  const { model } = graph;
  const byId = new Map(rules.map((r) => [r.id, r]));
  // Rules merged into another keep answering to their old ids.
  const replaced = new Map<string, Rule>();
  for (const rule of rules) for (const old of rule.meta.replaces ?? []) replaced.set(old, rule);
  for (const [id, setting] of Object.entries(model.rules)) {
    const settingsNode = model.ruleSettingNodes.get(id) ?? model.rules;
    const successor = byId.has(id) ? undefined : replaced.get(id);
    if (successor) {
      diagnostics.push({
        ...settingDiagnostic(
          graph,
          settingsNode,
          [id],
          "renamed-rule",
          `rule ${id} is now part of ${successor.id}; the setting applies to it (rename it)`,
        ),
        severity: "warning",
      });
    }
    const rule = byId.get(id) ?? successor;
    if (!rule) {
      diagnostics.push(
        settingDiagnostic(
          graph,
          settingsNode,
          [id],
          "unknown-rule",
          `unknown rule "${id}"${didYouMean(id, byId.keys())}`,
        ),
      );
      continue;
    }
    if (typeof setting === "object")
      checkRuleOptions(graph, settingsNode, id, rule, setting.options, diagnostics);
  }
}

/** Reports the options of rule setting `id` that `rule` does not have, or of the wrong type. */
function checkRuleOptions(
  graph: TeamGraph,
  settingsNode: object,
  id: string,
  rule: Rule,
  options: Record<string, unknown> | undefined,
  diagnostics: Diagnostic[],
): void {
  for (const [name, value] of Object.entries(options ?? {})) {
    const option = rule.meta.options?.[name];
    const known = Object.keys(rule.meta.options ?? {});
    const problem = !option
      ? `rule ${id} has no option "${name}"${known.length ? didYouMean(name, known) || ` (it has: ${known.join(", ")})` : " (it has no options)"}`
      : typeof value !== typeof option.default
        ? `option ${name} of ${id} expects a ${typeof option.default}, got ${JSON.stringify(value)}`
        : undefined;
    if (problem)
      diagnostics.push(settingDiagnostic(graph, settingsNode, [id, "options", name], "rule-option", problem));
  }
}

/** The suppressions still in force on `today`; reports those that have expired. */
function activeSuppressions(model: Model, today: string, diagnostics: Diagnostic[]): ActiveSuppression[] {
  const suppressions: ActiveSuppression[] = [];
  for (const s of model.suppress) {
    if (s.expires === undefined || s.expires > today) {
      suppressions.push({ s, used: false });
      continue;
    }
    diagnostics.push({
      ...model.locate(s, ["expires"]),
      severity: "warning",
      code: "unused-suppression",
      message: `suppression of ${s.rule}${s.subject ? ` for "${s.subject}"` : ""} expired on ${s.expires}; its findings are reported again`,
    });
  }
  return suppressions;
}

/** Runs each of `rules` over `scope`, collecting into `run`; with `timings`, adds each rule's time. */
function runEachRule(
  run: RuleRun,
  rules: readonly Rule[],
  environment: RuleEnvironment,
  scope: Scope,
  timings?: Map<string, number>,
): void {
  const { graph } = run;
  const facts = factsOf(graph);
  for (const rule of rules) {
    const setting = settingOf(graph.model, rule);
    const options = optionsOf(rule, setting);
    const report = reporter(run, rule, severityOf(setting) as Severity | undefined);
    const start = timings ? performance.now() : 0;
    try {
      rule.check({ ...environment, graph, facts, rows: scope.rows, people: scope.people, options, report });
    } catch (error) {
      // A rule that throws is a bug in mlteam, not in the model: say so for that rule and go on.
      run.findings.push(internalErrorFinding(graph, rule, error));
    }
    if (timings) timings.set(rule.id, (timings.get(rule.id) ?? 0) + performance.now() - start);
  }
}

/** The setting of `rule` in the model: under its id, else under the first old id it replaces that is set. */
function settingOf(model: Model, rule: Rule): RuleSetting | undefined {
  return (
    model.rules[rule.id] ??
    (rule.meta.replaces ?? []).map((old) => model.rules[old]).find((x) => x !== undefined)
  );
}

/** The `report` a rule is given: suppressed reports are counted, the others become findings. */
function reporter(run: RuleRun, rule: Rule, configured: Severity | undefined): (r: Report) => void {
  return (r: Report) => {
    const hit = suppressionOf(run.suppressions, rule, r.subject);
    if (hit) {
      hit.used = true;
      run.suppressed++;
      return;
    }
    run.findings.push(findingOf(run.graph, rule, configured, r));
  };
}

/** The first suppression in force that hides a report of `rule` about `subject`. */
function suppressionOf(
  suppressions: readonly ActiveSuppression[],
  rule: Rule,
  subject: string | undefined,
): ActiveSuppression | undefined {
  for (const suppression of suppressions) {
    const { s } = suppression;
    if (
      (s.rule === rule.id || rule.meta.replaces?.includes(s.rule) === true) &&
      (s.subject === undefined || s.subject === subject)
    )
      return suppression;
  }
  return undefined;
}

/** The finding a report of `rule` stands for, located at its node (else the organisation). */
function findingOf(graph: TeamGraph, rule: Rule, configured: Severity | undefined, r: Report): Finding {
  const { model } = graph;
  const node = r.node ?? graph.organisation;
  const finding: Finding = {
    ruleId: rule.id,
    area: rule.meta.area,
    severity: configured ?? r.severity ?? rule.meta.severity,
    message: r.message,
    location: node ? model.locate(node, r.path ?? []) : { file: model.files[0] ?? "", line: 1, column: 1 },
    fix: r.fix ?? rule.meta.fix,
  };
  if (r.subject !== undefined) finding.subject = r.subject;
  if (r.weight !== undefined && r.weight > 1) finding.weight = r.weight;
  return finding;
}

/** The finding that stands for `rule` throwing `error`. */
function internalErrorFinding(graph: TeamGraph, rule: Rule, error: unknown): Finding {
  const { model } = graph;
  const fallback = graph.organisation;
  return {
    ruleId: rule.id,
    area: rule.meta.area,
    severity: "error",
    message: `internal error in rule ${rule.id}: ${error instanceof Error ? error.message : String(error)}; its other findings may be missing (please report it)`,
    subject: "internal-error",
    location: fallback ? model.locate(fallback, []) : { file: model.files[0] ?? "", line: 1, column: 1 },
    fix: "report this to mlteam's maintainers with the model that triggers it; turn the rule off under `rules:` meanwhile",
  };
}

/** Reports each suppression in force that hid no finding. */
function reportUnusedSuppressions(
  model: Model,
  suppressions: readonly ActiveSuppression[],
  diagnostics: Diagnostic[],
): void {
  for (const { s, used } of suppressions) {
    if (used) continue;
    const at = model.locate(s);
    diagnostics.push({
      ...at,
      severity: "warning",
      code: "unused-suppression",
      message: `suppression of ${s.rule}${s.subject ? ` for "${s.subject}"` : ""} matches no finding; remove it`,
    });
  }
}

/** Areas in the order a lead reads them: production risk and leadership first (as the score weighs them). */
const AREA_ORDER: readonly string[] = [...SCORE_AREAS, "evidence"];
const areaRank = (area: string) => {
  const i = AREA_ORDER.indexOf(area);
  return i === -1 ? AREA_ORDER.length : i;
};

/** `localeCompare` without its cost: one collator made once (what `a.localeCompare(b)` makes per call). */
const compareText = new Intl.Collator().compare;

/** Most severe first, then by area, then by place in the model. */
function compareFindings(a: Finding, b: Finding): number {
  return (
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
    areaRank(a.area) - areaRank(b.area) ||
    compareText(a.area, b.area) ||
    compareText(a.location.file, b.location.file) ||
    a.location.line - b.location.line ||
    a.location.column - b.location.column ||
    compareText(a.ruleId, b.ruleId) ||
    compareText(a.message, b.message)
  );
}

function severityOf(setting: RuleSetting | undefined): Severity | "off" | undefined {
  return typeof setting === "string" ? setting : setting?.severity;
}

function optionsOf(rule: Rule, setting: RuleSetting | undefined): Record<string, number | string | boolean> {
  const options: Record<string, number | string | boolean> = {};
  for (const [name, option] of Object.entries(rule.meta.options ?? {})) options[name] = option.default;
  if (typeof setting === "object") {
    for (const [name, value] of Object.entries(setting.options ?? {})) {
      const option = rule.meta.options?.[name];
      if (option && typeof value === typeof option.default)
        options[name] = value as number | string | boolean;
    }
  }
  return options;
}

function settingDiagnostic(
  graph: TeamGraph,
  node: object,
  path: string[],
  code: Diagnostic["code"],
  message: string,
): Diagnostic {
  return {
    ...graph.model.locate(node, path, "key"),
    severity: "error",
    code,
    message: `rules.${path.join(".")}: ${message}`,
  };
}
