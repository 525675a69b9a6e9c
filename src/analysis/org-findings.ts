/**
 * The organisation-wide findings: every rule of src/analysis/org-rules over the teams' snapshots
 * (what each team's check in its organisation keeps), most severe first. Pure: takes the snapshots,
 * today's date and the conflicts found when matching people across sources.
 */
import type { TeamSnapshot } from "../org/snapshot.ts";
import { ORG_RULES } from "./org-rules/index.ts";
import { type OrgFinding, type OrgRuleInput, orgRuleId } from "./org-rules/rule.ts";

export type { OrgFinding } from "./org-rules/rule.ts";

const RANK = { error: 0, warn: 1, info: 2 } as const;

export function organisationFindings(
  snapshots: readonly TeamSnapshot[],
  today: string,
  options: { staleMonths: number },
): OrgFinding[] {
  const input: OrgRuleInput = {
    snapshots,
    today,
    staleMonths: options.staleMonths,
  };
  const out: OrgFinding[] = [];
  for (const rule of ORG_RULES)
    for (const report of rule.check(input))
      out.push({ ruleId: orgRuleId(rule.kind), kind: rule.kind, severity: rule.meta.severity, ...report });
  return out.sort((a, b) => RANK[a.severity] - RANK[b.severity] || a.message.localeCompare(b.message));
}
