import { describeEntry, describeRef } from "../../describe.ts";
import { countCells } from "../../facts.ts";
import { defineRule } from "../../rule.ts";

export default defineRule({
  id: "raci/single-accountable",
  meta: {
    area: "raci",
    severity: "error",
    reads: [],
    assesses: ["raci"],
    description: "Every activity in the RACI has exactly one Accountable.",
    rationale:
      "A RACI matrix names one Accountable per activity: the one who answers for the result. 001 §3.4 gives each of its eleven activities exactly one A. With none, nobody answers for the work; with several, each can assume another does.",
    source: "001 §3.4",
    fix: "Set `A:` to exactly one role or person on the row.",
    example:
      "raci:\n  - activity: ci-cd-pipeline\n    R: mlops-engineer\n    A: [mlops-engineer, ml-engineer]",
  },
  check({ graph, report }) {
    for (const entry of graph.raci) {
      if (countCells(entry, "A") === 1) continue;
      const accountable = entry.cells.filter((c) => c.letter === "A");
      if (accountable.length === 0 && entry.source.A !== undefined) continue; // unresolved references are reported by validation
      report({
        node: entry.source,
        path: accountable.length === 0 ? ["activity"] : ["A"],
        subject: entry.activity,
        message:
          accountable.length === 0
            ? `${describeEntry(graph, entry)} has no Accountable`
            : `${describeEntry(graph, entry)} has ${accountable.length} Accountables (${accountable.map((c) => describeRef(graph, c.ref)).join(", ")}); keep one`,
      });
    }
  },
});
