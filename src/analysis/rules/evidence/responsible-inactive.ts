import { nameOf } from "../../facts.ts";
import { defineRule } from "../../rule.ts";
import { declared, rowsOf } from "./helpers.ts";

export default defineRule({
  id: "evidence/responsible-inactive",
  meta: {
    area: "evidence",
    severity: "warn",
    reads: ["cells"],
    description:
      "Someone declared Responsible for an activity has changed its files in the recent window, when others have.",
    rationale:
      "A RACI matrix (001 §3.4) says who should do the work; the repositories say who did. A Responsible who has not touched the activity's files for the whole window while others changed them is a RACI that has drifted from reality — often towards the one person everything rests on (002).",
    source: '001 §3.4; 002 "Why you should want a good MLOps team"',
    fix: "Update the RACI to who really does the work, or bring the declared person back into it.",
    needs: ["evidence"],
  },
  check({ graph, evidence, report }) {
    if (!evidence) return; // the engine only runs this rule with evidence
    for (const a of evidence.activities) {
      const rows = rowsOf(graph, a.activity);
      if (rows.length === 0 || !a.contributors.some((c) => c.recent > 0)) continue;
      for (const person of declared(graph, rows, ["R"])) {
        if (a.contributors.some((c) => c.id === person && c.recent > 0)) continue;
        const active = a.contributors.filter((c) => c.recent > 0).slice(0, 3);
        report({
          node: (rows[0] as { source: object }).source,
          path: ["R"],
          subject: a.activity,
          message: `${nameOf(graph, person)} is Responsible for ${a.activity} but has not changed its files since ${evidence.windowStart}; ${active.map((c) => `${nameOf(graph, c.id)} (${c.recent})`).join(", ")} did`,
        });
      }
    }
  },
});
