import { BUILTIN_PATTERNS } from "../../../catalog/activity-paths.ts";
import { defineRule } from "../../rule.ts";

export default defineRule({
  id: "evidence/missing-files",
  meta: {
    area: "evidence",
    severity: "info",
    reads: [],
    description: "An activity that has a RACI row and path patterns has files in the listed repositories.",
    rationale:
      "When an activity is declared (001 §3.4) and has files by which it can be recognised — CI workflows, Dockerfiles, charts, Terraform — but none exist in any listed repository, either the work happens elsewhere (a repository missing from the model) or it does not happen.",
    source: "001 §3.4",
    fix: "List the repository where the activity's files live, add patterns for your layout under `evidence.patterns`, or check that the activity is done.",
    needs: ["evidence"],
  },
  check({ graph, evidence, report }) {
    if (!evidence) return; // the engine only runs this rule with evidence
    const settings = graph.model.evidence?.settings;
    const patterned = new Set([
      ...(settings?.replacePatterns ? [] : BUILTIN_PATTERNS.map(([activity]) => activity)),
      ...Object.keys(settings?.patterns ?? {}),
      ...(settings?.repositories ?? []).flatMap((r) => Object.keys(r.patterns ?? {})),
    ]);
    const found = new Set(evidence.activities.filter((a) => a.files > 0).map((a) => a.activity));
    for (const [activity, rows] of graph.raciByActivity) {
      if (!patterned.has(activity) || found.has(activity)) continue;
      report({
        node: (rows[0] as { source: object }).source,
        path: ["activity"],
        subject: activity,
        message: `${activity} is declared but none of its files are in the listed repositories`,
      });
    }
  },
});
