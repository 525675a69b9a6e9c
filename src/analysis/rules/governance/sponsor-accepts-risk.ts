import { nameOf, peopleWith, stakeholderPeople } from "../../facts.ts";
import { defineRule } from "../../rule.ts";

export default defineRule({
  id: "governance/sponsor-accepts-risk",
  meta: {
    area: "governance",
    severity: "warn",
    description: "The executive sponsor is Accountable for accepting AI risk.",
    rationale:
      "002 puts the executive sponsor at the strategic level of an ML team; the NIST AI RMF asks that executive leadership take responsibility for decisions about the risks of AI systems (GOVERN 2.3), and the EU AI Act that residual risks be judged acceptable (Art. 9(5)). Someone below the executive level accepting that risk, or nobody, leaves the decision unowned. This is not legal advice.",
    source: '002 "Strategic/executive level"',
    fix: "Add a RACI row for ai-risk-acceptance with the executive sponsor (a person holding executive-sponsor, or the executive-sponsor stakeholder) as its one Accountable.",
    frameworks: ["nist-ai-rmf", "eu-ai-act"],
    clauses: ["NIST AI RMF GOVERN 2.3", "EU AI Act Art. 9(5)"],
    example:
      "organisation: { name: O, stage: scaling, frameworks: [nist-ai-rmf] }\npeople:\n  - { id: tl, name: Tam, roles: [tech-lead] }\nraci:\n  - { activity: ai-risk-acceptance, R: tl, A: tl }",
  },
  check({ graph, report }) {
    const sponsors = stakeholderPeople(graph, "executive-sponsor");
    const row = (graph.raciByActivity.get("ai-risk-acceptance") ?? []).find((r) => r.product === undefined);
    if (!row) {
      if (graph.organisation)
        report({
          node: graph.organisation,
          path: ["frameworks"],
          subject: "ai-risk-acceptance",
          message:
            "nobody is Accountable for accepting AI risk: the RACI has no row for ai-risk-acceptance (NIST AI RMF GOVERN 2.3)",
        });
      return;
    }
    const accountable = [...peopleWith(row, ["A"])];
    if (accountable.length > 0 && accountable.every((id) => sponsors.has(id))) return;
    report({
      node: row.source,
      path: ["A"],
      subject: "ai-risk-acceptance",
      message: `accepting AI risk is ${accountable.length ? `on ${accountable.map((id) => nameOf(graph, id)).join(", ")}, not the executive sponsor` : "on nobody"}${sponsors.size ? ` (${[...sponsors].map((id) => nameOf(graph, id)).join(", ")})` : ""} (NIST AI RMF GOVERN 2.3)`,
    });
  },
});
