import { QMS_ACTIVITIES } from "../../../catalog/activities.ts";
import { nameOf } from "../../facts.ts";
import { defineRule, type RuleMeta } from "../../rule.ts";
import { highRiskSystems, rowFor } from "./ai-systems.ts";
import { graded, highRiskDue, withNote } from "./application-dates.ts";

const meta: RuleMeta = {
  area: "governance",
  severity: "warn",
  reads: ["cells"],
  description:
    "A provider of a high-risk AI system has one Accountable person for each aspect of its quality management system.",
  rationale:
    "Providers of high-risk AI systems keep a quality management system covering risk management, data governance, technical documentation, record keeping, post-market monitoring, incident reporting and change management, with an accountability framework setting out the responsibilities of management and staff (EU AI Act Art. 17(1), (1)(m)). In a RACI (001 §3.4) that is one row per aspect with exactly one Accountable. This is not legal advice.",
  source: "001 §3.4; 000 §8A.2",
  fix: "Add a RACI row for each missing aspect (`mlteam catalog activities` lists the ai-* activities, each with its clause) with exactly one Accountable person.",
  frameworks: ["eu-ai-act"],
  clauses: ["EU AI Act Art. 17(1)(m)"],
  dated: ["high-risk-annex-iii", "high-risk-annex-i"],
  example:
    "organisation: { name: O, stage: scaling, frameworks: [eu-ai-act] }\nteams: [{ id: t, type: product }]\nproducts:\n  - { id: credit-scoring, team: t, stage: production, risk: high, operator: provider }",
};

export default defineRule({
  id: "governance/qms-accountable",
  meta,
  check(context) {
    const { graph, facts, report } = context;
    for (const product of highRiskSystems(graph).filter((p) => p.source.operator === "provider")) {
      const { severity, note } = graded(context, meta.frameworks, meta.severity, highRiskDue(product));
      const missing: string[] = [];
      for (const activity of QMS_ACTIVITIES) {
        const row = rowFor(graph, activity.id, product.id);
        if (!row) {
          missing.push(activity.id);
          continue;
        }
        const accountable = [...facts.row(row).a];
        if (accountable.length === 1) continue;
        report({
          severity,
          node: row.source,
          path: [accountable.length ? "A" : "activity"],
          subject: `${product.id}:${activity.id}`,
          message: withNote(
            `${activity.id} has ${accountable.length ? `${accountable.length} Accountable people (${accountable.map((id) => nameOf(graph, id)).join(", ")})` : "no Accountable person"}, for the high-risk AI system ${product.id}: one is needed (EU AI Act Art. 17(1)(m))`,
            note,
          ),
        });
      }
      if (missing.length)
        report({
          severity,
          node: product.source,
          path: ["operator"],
          subject: `${product.id}:qms`,
          weight: missing.length,
          message: withNote(
            `the high-risk AI system ${product.id} is provided with no RACI row for ${missing.length} aspects of its quality management system: ${missing.join(", ")} (EU AI Act Art. 17(1))`,
            note,
          ),
        });
    }
  },
});
