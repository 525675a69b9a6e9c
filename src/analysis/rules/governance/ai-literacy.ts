import { nameOf } from "../../facts.ts";
import { defineRule, type RuleMeta } from "../../rule.ts";
import { personSource, trainingOnRecord } from "./ai-systems.ts";
import { AI_LITERACY, graded, withNote } from "./application-dates.ts";

const meta: RuleMeta = {
  area: "governance",
  severity: "warn",
  reads: ["people"],
  description: "Everyone who holds a role on the AI systems has current AI-literacy training on record.",
  rationale:
    "Providers and deployers ensure, to their best extent, a sufficient level of AI literacy of the staff who deal with AI systems (EU AI Act Art. 4, applying since 2 February 2025); ISO/IEC 42001 7.2 asks that competence be ensured and evidenced. 002 names team learning as part of a good team. This is not legal advice.",
  source: '002 "Why you should want a good MLOps team"',
  fix: "Record each person's AI-literacy training (`training: [{ topic: ai-literacy, date: …, expires: … }]`), or renew the expired ones.",
  frameworks: ["eu-ai-act", "iso-42001", "nist-ai-rmf"],
  clauses: ["EU AI Act Art. 4", "ISO/IEC 42001 7.2", "NIST AI RMF GOVERN 2.2"],
  dated: ["ai-literacy"],
  example:
    "organisation: { name: O, stage: scaling, frameworks: [eu-ai-act] }\npeople:\n  - { id: ana, name: Ana, roles: [data-scientist] }",
};

export default defineRule({
  id: "governance/ai-literacy",
  meta,
  check(context) {
    const { graph, today, report } = context;
    const missing: { id: string; why: string }[] = [];
    for (const person of graph.people.values()) {
      if (person.roles.length === 0 && person.titleRoles.length === 0) continue;
      const training = trainingOnRecord(personSource(graph, person.id), /ai[-\s]?literacy/i, today);
      if (!training) missing.push({ id: person.id, why: "none on record" });
      else if (!training.current) missing.push({ id: person.id, why: `expired, from ${training.date}` });
    }
    if (missing.length === 0) return;
    const listed = missing.slice(0, 8).map((m) => `${nameOf(graph, m.id)} (${m.why})`);
    const first = graph.model.people.find((p) => p.id === missing[0]?.id);
    const { severity, note } = graded(context, meta.frameworks, meta.severity, AI_LITERACY);
    report({
      severity,
      ...(first ? { node: first, path: ["id"] } : {}),
      subject: "ai-literacy",
      weight: missing.length,
      message: withNote(
        `${missing.length} ${missing.length === 1 ? "person holds" : "people hold"} a role on the AI systems without current AI-literacy training (EU AI Act Art. 4): ${listed.join(", ")}${missing.length > 8 ? ` and ${missing.length - 8} more` : ""}`,
        note,
      ),
    });
  },
});
