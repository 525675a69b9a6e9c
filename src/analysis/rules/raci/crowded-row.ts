import { describeEntry } from "../../describe.ts";
import { defineRule } from "../../rule.ts";

export default defineRule({
  id: "raci/crowded-row",
  meta: {
    area: "raci",
    severity: "warn",
    reads: [],
    assesses: ["raci"],
    description: "No activity consults or informs more roles and people than a team can keep up with.",
    rationale:
      "In 001 §3.4 every activity consults at most two roles and informs at most three. Each Consulted is a conversation before the work can move and each Informed an update after it; a row that lists everyone slows the work and hides who really matters.",
    source: "001 §3.4",
    fix: "Keep in C only those whose input the work needs, and in I only those who act on the result.",
    options: {
      maxConsulted: { default: 4, description: "The most Consulted references a row may have." },
      maxInformed: { default: 6, description: "The most Informed references a row may have." },
    },
    example:
      "raci:\n  - activity: data-pipeline\n    R: data-engineer\n    A: data-engineer\n    C: [data-scientist, ml-engineer, mlops-engineer, platform-engineer, qa-engineer]",
  },
  check({ graph, options, report }) {
    const limits = { C: Number(options.maxConsulted), I: Number(options.maxInformed) };
    for (const entry of graph.raci) {
      for (const letter of ["C", "I"] as const) {
        // Distinct names are at most as many as the cells: count them only past the limit.
        let cells = 0;
        for (const c of entry.cells) if (c.letter === letter) cells++;
        if (cells <= limits[letter]) continue;
        const count = new Set(
          entry.cells.filter((c) => c.letter === letter).map((c) => `${c.ref.kind}:${c.ref.id}`),
        ).size;
        if (count <= limits[letter]) continue;
        report({
          node: entry.source,
          path: [letter],
          subject: entry.activity,
          message: `${describeEntry(graph, entry)} has ${count} ${letter === "C" ? "Consulted" : "Informed"} (at most ${limits[letter]})`,
        });
      }
    }
  },
});
