import { describeEntry } from "../../describe.ts";
import { hasProduction, peopleWith } from "../../facts.ts";
import { defineRule } from "../../rule.ts";

export default defineRule({
  id: "raci/uncovered",
  meta: {
    area: "raci",
    severity: "warn",
    description: "Every Responsible and Accountable of an activity stands for at least one person.",
    rationale:
      "A row can name an R or an A that nobody fills: a role no one holds, or people who are away (in `mlteam whatif`). The work then has nobody to do it or nobody to answer for it. 002 asks whether the business keeps running when someone is away; for production-critical work with a product in production this is an error.",
    source: '001 §3.4; 002 "Why you should want a good MLOps team"',
    fix: "Give the role to someone, or name people who are there as R and A.",
    example:
      "people:\n  - { id: ana, name: Ana, roles: [data-scientist] }\nraci:\n  - { activity: data-pipeline, R: data-engineer, A: ana }",
  },
  check({ graph, report }) {
    const production = hasProduction(graph);
    for (const entry of graph.raci) {
      const missing = (["R", "A"] as const).filter(
        (letter) => entry.cells.some((c) => c.letter === letter) && peopleWith(entry, [letter]).size === 0,
      );
      if (missing.length === 0) continue;
      const critical = production && graph.activities.get(entry.activity)?.productionCritical === true;
      const first = entry.cells.find((c) => c.letter === missing[0]);
      report({
        node: entry.source,
        path: first?.path ?? ["activity"],
        subject: entry.activity,
        ...(critical ? { severity: "error" as const } : {}),
        message: `${describeEntry(graph, entry)} has nobody ${missing.map((l) => (l === "R" ? "to do the work (R)" : "to answer for it (A)")).join(" and nobody ")}${critical ? " — production-critical, with a product in production" : ""}`,
      });
    }
  },
});
