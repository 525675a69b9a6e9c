/**
 * What a rule is: metadata (from which its documentation is generated) and a pure check over
 * the team graph that reports findings. Rules never throw and never read files.
 */
import type { AiActObligationId } from "../catalog/ai-act-dates.ts";
import type { EvidenceReport } from "../evidence/measures.ts";
import type { PersonNode, RaciEntry, TeamGraph } from "../graph/types.ts";
import type { Location } from "../model/model.ts";
import type { FRAMEWORKS } from "../model/schema.ts";
import type { PathKey } from "../model/yaml-source.ts";
import type { GraphFacts } from "./graph-facts.ts";

export type Framework = (typeof FRAMEWORKS)[number];

export type Severity = "error" | "warn" | "info";

export interface RuleOption {
  default: number | string | boolean;
  description: string;
}

export interface RuleMeta {
  /** The area the rule belongs to; also the first part of its id. */
  area: string;
  severity: Severity;
  /** One line: what the rule checks. */
  description: string;
  /** Why it matters, in the words of the source document. */
  rationale: string;
  /** The source document and section, e.g. "001 §3.4". */
  source: string;
  /** How to fix a finding. */
  fix: string;
  /** Thresholds the model can set under `rules: { <id>: { options: … } }`. */
  options?: Record<string, RuleOption>;
  /** A minimal model excerpt that the rule reports, for the docs (not for rules that need evidence). */
  example?: string;
  /** False for a rule that only informs (an opening's plan): its findings take nothing from the score. */
  scored?: boolean;
  /** Ids of rules merged into this one: settings and suppressions naming them apply to it. */
  replaces?: readonly string[];
  /** What the rule needs besides the model; the engine runs it only when that is provided. */
  needs?: readonly "evidence"[];
  /**
   * Governance frameworks the rule belongs to: it runs only when the organisation lists one of
   * them under `frameworks` (off otherwise).
   */
  frameworks?: readonly Framework[];
  /** The clauses of those frameworks it checks, e.g. "EU AI Act Art. 26(2)" (docs and SARIF). */
  clauses?: readonly string[];
  /**
   * For a rule of the eu-ai-act framework: the obligations whose application dates (the catalog's,
   * src/catalog/ai-act-dates.ts) grade its findings while eu-ai-act is on — info until 180 days
   * before, a warning until the date, an error from it on (rules/governance/application-dates.ts).
   */
  dated?: readonly AiActObligationId[];
  /**
   * The parts of the model the rule assesses (src/analysis/coverage.ts). When the model does not
   * record them, the score counts the rule as bad as it can be: leaving information out never helps.
   */
  assesses?: readonly ("people" | "roles" | "raci" | "skills" | "teams" | "products")[];
  /**
   * What the rule reads of the team graph that depends on who is there ({@link PeopleDependentPart}):
   * a what-if that takes people away re-checks a rule only when it reads a part their absence
   * changes, and keeps its findings otherwise (src/analysis/recheck.ts). A rule that reads none of
   * them (only the model as written, the catalog, the RACI's references) declares `[]`; one that
   * declares nothing is taken to read everything. test/rules-reads.test.ts checks that every
   * built-in rule declares what it reads, and reads no more.
   */
  reads?: readonly PeopleDependentPart[];
  /**
   * How the rule's findings split, when they do: `row` — the findings about a RACI row depend only on
   * that row and the people its cells stand for; `person` — the findings about a person depend only
   * on that person and the rows they are in. Such a rule checks the rows (people) it is given in
   * `rows` (`people`), so a what-if re-checks only the rows and people its change touches; a rule
   * without `per` is re-checked whole (test/rules-reads.test.ts checks that the split holds).
   */
  per?: "row" | "person";
}

/**
 * The parts of the team graph that change when people are away: `people` (who is there and what
 * they hold: `graph.people`), `holders` (`graph.holders`, `graph.teamRoles`), `skilled`
 * (`graph.skilled`), `members` (teams' `members`), `cells` (the people each RACI cell stands for) and
 * `stakeholders` (`graph.stakeholders`). The rest — the model as written, the catalog, products,
 * units, names, the RACI rows and their references — is the same whoever is away.
 */
export type PeopleDependentPart = "people" | "holders" | "skilled" | "members" | "cells" | "stakeholders";

/** What a rule reports: a message about a subject, pinned to an entry of the model. */
export interface Report {
  message: string;
  /** The id of what the finding is about (an activity, role, person, team…), used for suppressions. */
  subject?: string;
  /** The model entry to point at (a person, a RACI row…); the organisation when omitted. */
  node?: object;
  /** A path inside `node`, e.g. ["roles", 0]. */
  path?: PathKey[];
  /** Overrides the rule's severity for this finding (e.g. a softer case of the same rule). */
  severity?: Severity;
  fix?: string;
  /**
   * How many things the finding stands for when it groups several (activities resting on one
   * person, rows missing…): the score counts each, so fixing one of them moves it. Default 1.
   */
  weight?: number;
}

/** What the world outside the model tells rules; the caller provides it, so rules stay pure. */
export interface RuleEnvironment {
  /** Today's date, YYYY-MM-DD (for absences, review ages, suppression expiry). */
  today: string;
  /** Whether a file exists; `path` is relative to the directory of the model file `node` was written in. */
  exists(node: object, path: string): boolean;
  /** Evidence from git history, when the model lists repositories or the doctor was asked for it. */
  evidence?: EvidenceReport;
  /** Governance frameworks to check besides those the model lists (`mlteam audit --framework`). */
  frameworks?: readonly Framework[];
}

export interface RuleContext extends RuleEnvironment {
  graph: TeamGraph;
  /** Facts about the graph that several rules read, worked out once for all of them. */
  facts: GraphFacts;
  /**
   * The RACI rows a rule declared `per: "row"` checks: every row of the graph, or in a what-if's
   * re-check the rows its change touches. Other rules read `graph.raci`.
   */
  rows: readonly RaciEntry[];
  /** The people a rule declared `per: "person"` checks: everyone in the graph, or those a what-if touches. */
  people: readonly PersonNode[];
  /** The rule's options with the model's settings applied over the defaults. */
  options: Readonly<Record<string, number | string | boolean>>;
  report(report: Report): void;
}

export interface Rule {
  id: string;
  meta: RuleMeta;
  check(context: RuleContext): void;
}

/** A finding as every surface sees it. */
export interface Finding {
  ruleId: string;
  area: string;
  severity: Severity;
  message: string;
  subject?: string;
  location: Location;
  fix: string;
  /** How many things the finding stands for, when more than one (see Report.weight). */
  weight?: number;
}

/** Declares a rule; the id must start with the rule's area. */
export function defineRule(rule: Rule): Rule {
  return rule;
}
