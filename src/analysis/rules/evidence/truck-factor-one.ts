import type { ActivityEvidence } from "../../../evidence/measures.ts";
import { nameOf } from "../../facts.ts";
import { defineRule } from "../../rule.ts";
import { rowsOf } from "./helpers.ts";

/** ", N with the declared backups (…)" when the RACI declares backups for the activity. */
function withBackups(graph: Parameters<typeof nameOf>[0], a: ActivityEvidence): string {
  const backups = a.truckFactorWithBackups;
  if (!backups) return "";
  const named = backups.removed
    .filter((id) => id !== a.truckFactor.removed[0])
    .map((id) => nameOf(graph, id));
  return ` (${backups.value} counting the declared backups: ${named.join(", ")})`;
}

export default defineRule({
  id: "evidence/truck-factor-one",
  meta: {
    area: "evidence",
    severity: "warn",
    reads: [],
    description: "No activity's files have a truck factor of 1.",
    rationale:
      'The truck factor (Avelino et al., ICPC 2016) is the fewest authors whose loss leaves more than half of the files without an author. At 1, one departure orphans the activity — 002\'s "can your business keep on running without Meghan?", measured from history rather than declared.',
    source: '002 "Why you should want a good MLOps team"',
    fix: "Have a second person take over part of the activity's files (pair on changes, rotate ownership).",
    needs: ["evidence"],
  },
  check({ graph, evidence, report }) {
    if (!evidence) return; // the engine only runs this rule with evidence
    const fallback = graph.model.evidence?.settings ?? graph.organisation;
    for (const a of evidence.activities) {
      if (a.files === 0 || a.truckFactor.value !== 1) continue;
      const rows = rowsOf(graph, a.activity);
      const who = a.truckFactor.removed[0] ?? "";
      report({
        ...(rows[0] ? { node: rows[0].source, path: ["activity"] } : fallback ? { node: fallback } : {}),
        subject: a.activity,
        message: `the ${a.files} ${a.files === 1 ? "file" : "files"} of ${a.activity} have a truck factor of 1: ${who.startsWith("git:") ? who.slice(4) : nameOf(graph, who)}${withBackups(graph, a)}`,
      });
    }
  },
});
