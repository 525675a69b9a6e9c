import { backupsOf, nameOf } from "../../facts.ts";
import { defineRule } from "../../rule.ts";
import { declared, rowsOf } from "./helpers.ts";

export default defineRule({
  id: "evidence/undeclared-author",
  meta: {
    area: "evidence",
    severity: "warn",
    reads: ["cells"],
    description:
      "The main authors of an activity's files (those its truck factor rests on) are its Responsible or Accountable, or a backup the RACI row declares.",
    rationale:
      "The people whose departure would orphan an activity's files (the truck-factor authors, after Avelino et al., ICPC 2016) are the ones who really carry it. When the RACI names others, the declared team and the real one differ — the gap 002 warns about when MLOps quietly rests on one person.",
    source: '001 §3.4; 002 "Why you should want a good MLOps team"',
    fix: "Make the main author Responsible (or Accountable), or declare them the row's `backup:`, or spread the work so that the declared people author it too; add unknown git identities to `people`.",
    needs: ["evidence"],
  },
  check({ graph, evidence, report }) {
    if (!evidence) return; // the engine only runs this rule with evidence
    for (const a of evidence.activities) {
      const rows = rowsOf(graph, a.activity);
      if (rows.length === 0) continue;
      const ra = declared(graph, rows, ["R", "A"]);
      // A declared backup is the team's own answer to "who could take over?": declared too.
      const backups = new Set(rows.flatMap((row) => backupsOf(row.source)));
      for (const author of a.truckFactor.removed) {
        if (ra.has(author) || backups.has(author)) continue;
        const stranger = author.startsWith("git:");
        report({
          node: (rows[0] as { source: object }).source,
          path: ["activity"],
          subject: a.activity,
          message: `${stranger ? `${author.slice(4)} (a git identity not in the model)` : nameOf(graph, author)} is a main author of ${a.activity} (${a.contributors.find((c) => c.id === author)?.authored ?? 0} of ${a.files} files) but neither Responsible nor Accountable${backups.size > 0 ? " nor a declared backup" : ""}`,
        });
      }
    }
  },
});
