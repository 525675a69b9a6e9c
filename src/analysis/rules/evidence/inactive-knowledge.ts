import { nameOf } from "../../facts.ts";
import { defineRule } from "../../rule.ts";
import { rowsOf } from "./helpers.ts";

export default defineRule({
  id: "evidence/inactive-knowledge",
  meta: {
    area: "evidence",
    severity: "warn",
    reads: [],
    description: "No activity's files are authored only by people who have gone quiet or left.",
    rationale:
      'The truck factor counts who knows the files; when every author has made no commit or review for the whole window (or has passed their `leaves` date), the truck factor of the people still here is 0 — the knowledge has already walked out. Commit-only tools miss this (Jabrayilzade et al., "Bus Factor in Practice", ICSE-SEIP 2022).',
    source: '002 "Why you should want a good MLOps team"',
    fix: "Have someone active take over the activity's files: pair with the last author while they can be reached, review and document the code, and record the new owner in the RACI.",
    needs: ["evidence"],
  },
  check({ graph, evidence, report }) {
    if (!evidence) return; // the engine only runs this rule with evidence
    const fallback = graph.model.evidence?.settings ?? graph.organisation;
    for (const a of evidence.activities) {
      if (a.files === 0 || a.truckFactor.value === 0 || a.truckFactorActive.value > 0) continue;
      const rows = rowsOf(graph, a.activity);
      const who = a.contributors.filter((c) => c.authored > 0 && !c.active).slice(0, 3);
      const label = (id: string) => (id.startsWith("git:") ? id.slice(4) : nameOf(graph, id));
      report({
        ...(rows[0] ? { node: rows[0].source, path: ["activity"] } : fallback ? { node: fallback } : {}),
        subject: a.activity,
        message: `the knowledge of ${a.activity} (${a.files} ${a.files === 1 ? "file" : "files"}) rests on people with no commit or review since ${evidence.windowStart} or who have left: ${who.map((c) => `${label(c.id)} (last ${c.last})`).join(", ")}`,
      });
    }
  },
});
