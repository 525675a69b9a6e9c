/** Names shared by the audit pack's renderers. */
import type { ClauseDate, ClauseStatus } from "../../analysis/governance-pack.ts";
import type { Framework } from "../../analysis/rule.ts";

export const FRAMEWORK_NAMES: Readonly<Record<Framework, string>> = {
  "eu-ai-act": "EU AI Act",
  "iso-42001": "ISO/IEC 42001",
  "nist-ai-rmf": "NIST AI RMF",
};

export const STATUS_LABEL: Readonly<Record<ClauseStatus, string>> = {
  met: "met",
  gap: "gap",
  "not-applicable": "not applicable",
};

/** "from 2027-12-02, 375 days left", "from 2027-12-02, today", "since 2025-08-02, 478 days ago". */
export function dateText(d: ClauseDate): string {
  if (d.daysLeft > 0) return `from ${d.date}, ${d.daysLeft} ${d.daysLeft === 1 ? "day" : "days"} left`;
  if (d.daysLeft === 0) return `from ${d.date}, today`;
  return `since ${d.date}, ${-d.daysLeft} ${d.daysLeft === -1 ? "day" : "days"} ago`;
}

/** What a date concerns: "credit-scoring, fraud (no `annex` recorded: taken as Annex III)", or "" for the organisation. */
export function concerns(d: ClauseDate): string {
  if (d.products.length === 0) return "";
  const assumed = d.assumed.length
    ? ` (${d.assumed.join(", ")}: no \`annex\` recorded, taken as Annex III)`
    : "";
  return `${d.products.join(", ")}${assumed}`;
}
