/** The use case behind `mlteam audit`: a framework's evidence pack, from the same check as the doctor. */
import { type AuditPack, auditTeam, type SinceWhen } from "../analysis/governance-pack.ts";
import type { Framework } from "../analysis/rule.ts";
import { renderAuditHtml } from "../render/governance-pack/html.ts";
import { renderAuditMarkdown } from "../render/governance-pack/markdown.ts";
import type { ValidTeamCheck } from "./check-team.ts";

export const AUDIT_FORMATS = ["markdown", "html", "json"] as const;
export type AuditFormat = (typeof AUDIT_FORMATS)[number];

/** The pack for `framework` over a check made with that framework's rules on. */
export function auditPack(
  check: ValidTeamCheck,
  framework: Framework,
  generated: string,
  since?: SinceWhen,
  /** What the pack is of (default: the organisation's name, else the model's file). */
  title?: string,
): AuditPack {
  return auditTeam(check.graph, check.findings, framework, {
    today: check.environment.today,
    model: title ?? check.graph.organisation?.name ?? check.model.files[0] ?? "the model",
    generated,
    ...(since ? { since } : {}),
  });
}

export function renderAuditPack(pack: AuditPack, format: AuditFormat): string {
  if (format === "json") return `${JSON.stringify(pack, null, 2)}\n`;
  return format === "html" ? renderAuditHtml(pack) : renderAuditMarkdown(pack);
}
