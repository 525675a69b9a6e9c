/** Names shared by the audit pack's renderers. */
import type { ClauseStatus } from "../../analysis/governance-pack.ts";
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
