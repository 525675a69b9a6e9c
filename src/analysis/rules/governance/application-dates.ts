/**
 * The EU AI Act's dates as the governance rules and the audit pack read them: which obligation a
 * high-risk system falls under (by its annex), how many days are left, and how severe a finding is on
 * a given day — info until NOTICE_DAYS before the date, a warning from then, an error from the date
 * on. The dates themselves are catalog data (src/catalog/ai-act-dates.ts). Pure.
 */
import {
  AI_ACT_OBLIGATIONS,
  type AiActObligation,
  DEFAULT_ANNEX,
  HIGH_RISK_OBLIGATION,
} from "../../../catalog/ai-act-dates.ts";
import type { ProductNode } from "../../../graph/types.ts";
import type { Framework, RuleContext, Severity } from "../../rule.ts";

/** How many days before an obligation applies its findings turn from info into warnings. */
export const NOTICE_DAYS = 180;

const DAY_MS = 86_400_000;

/** Whole days from `from` to `to` (YYYY-MM-DD): negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** What a finding is due under: the obligation, and whether the annex was taken by default. */
export interface Due {
  obligation: AiActObligation;
  /** True when the system records no `annex` and is taken as Annex III. */
  assumed: boolean;
}

export const AI_LITERACY: Due = { obligation: AI_ACT_OBLIGATIONS["ai-literacy"], assumed: false };

/** The obligations a high-risk system falls under, by its `annex` (Annex III when it has none). */
export function highRiskDue(product: ProductNode): Due {
  const annex = product.source.annex;
  return { obligation: AI_ACT_OBLIGATIONS[HIGH_RISK_OBLIGATION[annex ?? DEFAULT_ANNEX]], assumed: !annex };
}

/** Of several dues, the one that applies first (undefined for none). */
export function earliestDue(dues: readonly Due[]): Due | undefined {
  return [...dues].sort((a, b) => a.obligation.applies.localeCompare(b.obligation.applies))[0];
}

/** The severity on `today` of a finding about an obligation that applies from `applies`. */
export function severityOnDate(today: string, applies: string): Severity {
  const left = daysBetween(today, applies);
  return left > NOTICE_DAYS ? "info" : left > 0 ? "warn" : "error";
}

const RANK: Record<Severity, number> = { info: 0, warn: 1, error: 2 };

/** The words a finding ends with: the date it is due from, and the annex it was judged under. */
export function dueNote(due: Due, today: string): string {
  const { obligation } = due;
  const when =
    today !== "" && obligation.applies <= today
      ? `applies since ${obligation.applies}`
      : `applies from ${obligation.applies}`;
  const annex =
    obligation.id === "ai-literacy"
      ? ""
      : due.assumed
        ? " (no `annex` recorded: taken as Annex III, the earlier date)"
        : ` (Annex ${obligation.id === "high-risk-annex-i" ? "I" : "III"})`;
  return `${when}${annex}`;
}

/**
 * How a finding of an EU AI Act rule is graded and what it says of the date. With eu-ai-act on, its
 * severity follows the date (see {@link severityOnDate}); `"none"` is a duty of high-risk systems in
 * a model that rates none high-risk: info. When another framework of the rule is on too (ISO/IEC
 * 42001, NIST AI RMF: no dates), the stronger of that and the rule's own. With eu-ai-act off, or an
 * undated run, the rule's own severity (and with eu-ai-act off, no note).
 */
export function graded(
  context: Pick<RuleContext, "graph" | "today" | "frameworks">,
  ruleFrameworks: readonly Framework[] | undefined,
  own: Severity,
  due: Due | "none",
): { severity: Severity; note: string } {
  const on = activeFrameworks(context);
  if (!on.has("eu-ai-act")) return { severity: own, note: "" };
  const note =
    due === "none"
      ? "the EU AI Act's duty binds high-risk systems only, and the model rates none high-risk"
      : dueNote(due, context.today);
  if (context.today === "") return { severity: own, note };
  const dated = due === "none" ? "info" : severityOnDate(context.today, due.obligation.applies);
  const others = (ruleFrameworks ?? []).some((f) => f !== "eu-ai-act" && on.has(f));
  return { severity: others && RANK[own] > RANK[dated] ? own : dated, note };
}

/** A finding's message with the note on its date, when there is one. */
export function withNote(message: string, note: string): string {
  return note === "" ? message : `${message} — ${note}`;
}

/** The frameworks on for this run: the model's and those the caller adds (`mlteam audit`). */
function activeFrameworks(context: Pick<RuleContext, "graph" | "frameworks">): Set<Framework> {
  return new Set([...(context.graph.organisation?.frameworks ?? []), ...(context.frameworks ?? [])]);
}
