import type { TeamGraph } from "../../../graph/types.ts";
import { nameOf } from "../../facts.ts";
import { defineRule, type RuleMeta, type Severity } from "../../rule.ts";
import {
  accountableFor,
  highRiskSystems,
  overseersOf,
  personSource,
  trainingOnRecord,
} from "./ai-systems.ts";
import { graded, highRiskDue, withNote } from "./application-dates.ts";

/**
 * What an overseer must be able to do — monitor the system and interpret its output (Art. 14(4)) —
 * is the work of post-market monitoring: its competencies, at its levels. Unrecorded levels are
 * reported as such, never read as zero.
 */
function competenceShortfall(graph: TeamGraph, person: string): string | undefined {
  const needed = graph.activities.get("ai-post-market-monitoring")?.competencies ?? {};
  const skills = personSource(graph, person)?.skills ?? {};
  const gaps: string[] = [];
  const unrecorded: string[] = [];
  for (const [competency, level] of Object.entries(needed)) {
    const has = skills[competency];
    if (has === undefined) unrecorded.push(competency);
    else if (has < level) gaps.push(`${competency} ${has}/${level}`);
  }
  if (gaps.length) return `competence below what oversight needs (${gaps.join(", ")})`;
  if (unrecorded.length) return `no recorded competence in ${unrecorded.join(", ")}`;
  return undefined;
}

const meta: RuleMeta = {
  area: "governance",
  severity: "error",
  reads: ["people", "cells"],
  description:
    "Each high-risk AI system has human oversight assigned to named people, each with the competence, training on record and authority over the system that oversight needs.",
  rationale:
    "000 §8A.2 asks ML teams to engage the governance stakeholders; the EU AI Act now says what they check. Deployers of high-risk AI systems assign human oversight to natural persons with the necessary competence, training and authority (Art. 26(2)); those persons must be able to understand the system, monitor it, interpret its output and decide to override or stop it (Art. 14(4)). A committee or nobody is not an overseer. This is not legal advice.",
  source: "000 §8A.2",
  fix: "Name the overseers under the product's `oversight` (people, not a committee), record their training (`training: [{ topic: human-oversight, date: … }]`) and their levels in the competencies of ai-post-market-monitoring, and make them Accountable for the system's RACI, or give them a role that can stop it.",
  frameworks: ["eu-ai-act"],
  clauses: ["EU AI Act Art. 26(2)", "EU AI Act Art. 14(4)"],
  dated: ["high-risk-annex-iii", "high-risk-annex-i"],
  example:
    "organisation: { name: O, stage: scaling, frameworks: [eu-ai-act] }\nteams: [{ id: t, type: product }]\nproducts:\n  - { id: credit-scoring, team: t, stage: production, risk: high, operator: deployer }",
};

export default defineRule({
  id: "governance/human-oversight",
  meta,
  check(context) {
    const { graph, today, report } = context;
    for (const product of highRiskSystems(graph)) {
      const due = highRiskDue(product);
      const grade = (own: Severity) => graded(context, meta.frameworks, own, due);
      const clause = product.source.operator === "provider" ? "Art. 14" : "Art. 26(2)";
      const overseers = overseersOf(graph, product);
      if (overseers.length === 0) {
        const { severity, note } = grade("error");
        report({
          severity,
          node: product.source,
          path: product.source.oversight ? ["oversight"] : ["risk"],
          subject: product.id,
          message: withNote(
            `the high-risk AI system ${product.id} has no human oversight assigned to named people (EU AI Act ${clause})`,
            note,
          ),
        });
        continue;
      }
      for (const [index, person] of (product.source.oversight ?? []).entries()) {
        if (!overseers.includes(person)) continue;
        const training = trainingOnRecord(personSource(graph, person), /oversight|ai-literacy/i, today);
        const missing: string[] = [];
        if (!training) missing.push("no training on record");
        else if (!training.current) missing.push(`training of ${training.date} has expired`);
        if (!accountableFor(graph, person, product.id))
          missing.push("no authority (Accountable for none of its rows)");
        const short = competenceShortfall(graph, person);
        if (short) missing.push(short);
        if (missing.length === 0) continue;
        const { severity, note } = grade("warn");
        report({
          node: product.source,
          path: ["oversight", index],
          subject: `${product.id}:${person}`,
          severity,
          message: withNote(
            `${nameOf(graph, person)} oversees the high-risk AI system ${product.id} with ${missing.join(", ")} (EU AI Act Art. 26(2): competence, training and authority)`,
            note,
          ),
        });
      }
    }
  },
});
