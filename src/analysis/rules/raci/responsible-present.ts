import { describeEntry, describeRef } from "../../describe.ts";
import { defineRule } from "../../rule.ts";

export default defineRule({
  id: "raci/responsible-present",
  meta: {
    area: "raci",
    severity: "error",
    reads: [],
    assesses: ["raci"],
    description: "Every activity in the RACI has at least one Responsible.",
    rationale:
      "Responsible is who does the work. 001 §3.4 names a doer for every activity (R, or R/A when the owner also does it). A row with no R leaves the work to nobody; when only an Accountable is named, it is at best implied that they do it themselves (reported as a warning).",
    source: "001 §3.4",
    fix: "Add `R:` with the role(s) or people who do the work; write the Accountable there too if they do it themselves.",
    example: "raci:\n  - activity: monitoring-setup\n    A: mlops-engineer\n    I: [data-scientist]",
  },
  check({ graph, report }) {
    for (const entry of graph.raci) {
      if (entry.cells.some((c) => c.letter === "R")) continue;
      if (entry.source.R !== undefined) continue; // unresolved references are reported by validation
      const accountable = entry.cells.find((c) => c.letter === "A");
      report({
        node: entry.source,
        path: ["activity"],
        subject: entry.activity,
        ...(accountable
          ? {
              severity: "warn" as const,
              message: `${describeEntry(graph, entry)} has no Responsible; it is implied that the Accountable, ${describeRef(graph, accountable.ref)}, does the work`,
              fix: `Write it down: add \`R: ${accountable.ref.id}\` (or name who really does it).`,
            }
          : { message: `${describeEntry(graph, entry)} has neither a Responsible nor an Accountable` }),
      });
    }
  },
});
