import { nameOf } from "../../facts.ts";
import { defineRule, type RuleMeta } from "../../rule.ts";
import { BUILD_ACTIVITIES, buildersOf, highRiskSystems, overseersOf } from "./ai-systems.ts";
import { graded, highRiskDue, withNote } from "./application-dates.ts";

const meta: RuleMeta = {
  area: "governance",
  severity: "warn",
  reads: ["cells"],
  description: "A high-risk AI system's oversight does not rest only on the one person who builds it.",
  rationale:
    "An overseer must be able to question the system's output and decide not to use it (EU AI Act Art. 14(4)); when the only overseer is also the only person who builds and configures the system, nobody independent looks at it — the separation of duties that 001 §3.5 asks of code review, asked of oversight. This is not legal advice.",
  source: "001 §3.5",
  fix: "Add an overseer who does not build the system, or a second builder so that the system does not rest on its overseer alone.",
  frameworks: ["eu-ai-act", "iso-42001"],
  clauses: ["EU AI Act Art. 14(4)", "ISO/IEC 42001 A.3.2"],
  dated: ["high-risk-annex-iii", "high-risk-annex-i"],
  example:
    "organisation: { name: O, stage: scaling, frameworks: [eu-ai-act] }\npeople:\n  - { id: ana, name: Ana, roles: [ml-engineer] }\nteams: [{ id: t, type: product, members: [ana] }]\nproducts:\n  - { id: credit-scoring, team: t, stage: production, risk: high, operator: provider, oversight: [ana] }\nraci:\n  - { activity: model-training-code, R: ana, A: ana }",
};

export default defineRule({
  id: "governance/oversight-separation",
  meta,
  check(context) {
    const { graph, report } = context;
    for (const product of highRiskSystems(graph)) {
      const overseers = overseersOf(graph, product);
      if (overseers.length !== 1) continue;
      const [overseer] = overseers as [string];
      const builders = buildersOf(graph, product.id);
      if (builders.size !== 1 || !builders.has(overseer)) continue;
      const { severity, note } = graded(context, meta.frameworks, meta.severity, highRiskDue(product));
      report({
        severity,
        node: product.source,
        path: ["oversight", (product.source.oversight ?? []).indexOf(overseer)],
        subject: product.id,
        message: withNote(
          `${nameOf(graph, overseer)} is both the only overseer and the only builder of the high-risk AI system ${product.id} (Responsible for ${BUILD_ACTIVITIES.filter((a) => graph.raciByActivity.has(a)).join(", ")}): nobody independent oversees it (EU AI Act Art. 14(4))`,
          note,
        ),
      });
    }
  },
});
