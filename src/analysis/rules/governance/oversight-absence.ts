import { nameOf } from "../../facts.ts";
import { defineRule, type RuleMeta } from "../../rule.ts";
import { highRiskSystems, overseersOf, personSource } from "./ai-systems.ts";
import { graded, highRiskDue, withNote } from "./application-dates.ts";

/** The periods, from `today` on, when a person is away: declared absences, and after `leaves`. */
function awayPeriods(graph: Parameters<typeof personSource>[0], id: string, today: string) {
  const person = personSource(graph, id);
  const periods = (person?.absences ?? [])
    .filter((a) => a.to >= today)
    .map((a) => ({ from: a.from < today ? today : a.from, to: a.to }));
  if (person?.leaves) periods.push({ from: person.leaves < today ? today : person.leaves, to: "9999-12-31" });
  return periods;
}

const meta: RuleMeta = {
  area: "governance",
  severity: "error",
  reads: ["people"],
  description:
    "No declared absence (or departure) of one person leaves a high-risk AI system without an overseer.",
  rationale:
    "Human oversight (EU AI Act Art. 14, 26(2)) has to be there while the system runs, holidays included: an overseer who is away leaves nobody able to interpret, override or stop the system. 002's question — can the business keep running without Meghan? — asked of oversight. This is not legal advice.",
  source: '002 "Why you should want a good MLOps team"',
  fix: "Assign a second overseer to the system (under `oversight`), or plan the absences so that the overseers are never away together.",
  frameworks: ["eu-ai-act"],
  clauses: ["EU AI Act Art. 26(2)", "EU AI Act Art. 14(1)"],
  dated: ["high-risk-annex-iii", "high-risk-annex-i"],
  example:
    "organisation: { name: O, stage: scaling, frameworks: [eu-ai-act] }\npeople:\n  - { id: ana, name: Ana, roles: [tech-lead], absences: [{ from: 2099-07-01, to: 2099-07-21 }] }\nteams: [{ id: t, type: product, members: [ana] }]\nproducts:\n  - { id: credit-scoring, team: t, stage: production, risk: high, operator: deployer, oversight: [ana] }",
};

export default defineRule({
  id: "governance/oversight-absence",
  meta,
  check(context) {
    const { graph, today, report } = context;
    if (today === "") return;
    for (const product of highRiskSystems(graph)) {
      const { severity, note } = graded(context, meta.frameworks, meta.severity, highRiskDue(product));
      const overseers = overseersOf(graph, product);
      if (overseers.length === 0) continue; // governance/human-oversight reports it
      for (const person of overseers) {
        for (const away of awayPeriods(graph, person, today)) {
          // Someone else must be present for the whole period; a gap is reported with its dates.
          const cover = overseers
            .filter((o) => o !== person)
            .some((o) => awayPeriods(graph, o, today).every((p) => p.to < away.from || p.from > away.to));
          if (cover) continue;
          const until = away.to === "9999-12-31" ? "on (they leave)" : `to ${away.to}`;
          const index = (product.source.oversight ?? []).indexOf(person);
          report({
            severity,
            node: product.source,
            path: ["oversight", index],
            subject: `${product.id}:${person}:${away.from}`,
            message: withNote(
              `from ${away.from} ${until}, while ${nameOf(graph, person)} is away, the high-risk AI system ${product.id} has no overseer (EU AI Act Art. 26(2))`,
              note,
            ),
          });
        }
      }
    }
  },
});
