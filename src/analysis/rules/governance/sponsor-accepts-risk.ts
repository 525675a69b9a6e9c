import { nameOf, stakeholderPeople } from "../../facts.ts";
import { defineRule, type RuleMeta } from "../../rule.ts";
import { highRiskSystems } from "./ai-systems.ts";
import { earliestDue, graded, highRiskDue, withNote } from "./application-dates.ts";

const meta: RuleMeta = {
  area: "governance",
  severity: "warn",
  reads: ["holders", "cells", "stakeholders"],
  description: "The executive sponsor is Accountable for accepting AI risk.",
  rationale:
    "002 puts the executive sponsor at the strategic level of an ML team; the NIST AI RMF asks that executive leadership take responsibility for decisions about the risks of AI systems (GOVERN 2.3), and the EU AI Act that residual risks be judged acceptable (Art. 9(5)). Someone below the executive level accepting that risk, or nobody, leaves the decision unowned. This is not legal advice.",
  source: '002 "Strategic/executive level"',
  fix: "Add a RACI row for ai-risk-acceptance with the executive sponsor (a person holding executive-sponsor, or the executive-sponsor stakeholder) as its one Accountable.",
  frameworks: ["nist-ai-rmf", "eu-ai-act"],
  clauses: ["NIST AI RMF GOVERN 2.3", "EU AI Act Art. 9(5)"],
  dated: ["high-risk-annex-iii", "high-risk-annex-i"],
  example:
    "organisation: { name: O, stage: scaling, frameworks: [nist-ai-rmf] }\npeople:\n  - { id: tl, name: Tam, roles: [tech-lead] }\nraci:\n  - { activity: ai-risk-acceptance, R: tl, A: tl }",
};

export default defineRule({
  id: "governance/sponsor-accepts-risk",
  meta,
  check(context) {
    const { graph, facts, report } = context;
    // Art. 9 binds high-risk systems: graded by the one whose duties apply first.
    const due = earliestDue(highRiskSystems(graph).map(highRiskDue)) ?? "none";
    const { severity, note } = graded(context, meta.frameworks, meta.severity, due);
    const sponsors = stakeholderPeople(graph, "executive-sponsor");
    const row = (graph.raciByActivity.get("ai-risk-acceptance") ?? []).find((r) => r.product === undefined);
    if (!row) {
      if (graph.organisation)
        report({
          severity,
          node: graph.organisation,
          path: ["frameworks"],
          subject: "ai-risk-acceptance",
          message: withNote(
            "nobody is Accountable for accepting AI risk: the RACI has no row for ai-risk-acceptance (NIST AI RMF GOVERN 2.3)",
            note,
          ),
        });
      return;
    }
    const accountable = [...facts.row(row).a];
    if (accountable.length > 0 && accountable.every((id) => sponsors.has(id))) return;
    report({
      severity,
      node: row.source,
      path: ["A"],
      subject: "ai-risk-acceptance",
      message: withNote(
        `accepting AI risk is ${accountable.length ? `on ${accountable.map((id) => nameOf(graph, id)).join(", ")}, not the executive sponsor` : "on nobody"}${sponsors.size ? ` (${[...sponsors].map((id) => nameOf(graph, id)).join(", ")})` : ""} (NIST AI RMF GOVERN 2.3)`,
        note,
      ),
    });
  },
});
