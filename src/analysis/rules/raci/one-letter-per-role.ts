import type { RaciCell } from "../../../graph/types.ts";
import { describeEntry, describeRef } from "../../describe.ts";
import { defineRule } from "../../rule.ts";

export default defineRule({
  id: "raci/one-letter-per-role",
  meta: {
    area: "raci",
    severity: "error",
    reads: [],
    assesses: ["raci"],
    description: "A role or person has at most one letter per activity; only A together with R is allowed.",
    rationale:
      "In 001 §3.4 each role has one letter per activity, R/A being the only combination. Being both Responsible and Consulted, or Accountable and Informed, says nothing clear about what the role does.",
    source: "001 §3.4",
    fix: "Keep the strongest letter (A, then R, then C, then I) and remove the others; R and A together are fine.",
    example:
      "raci:\n  - activity: docker-packaging\n    R: ml-engineer\n    A: mlops-engineer\n    C: [ml-engineer]",
  },
  check({ graph, report }) {
    for (const entry of graph.raci) {
      if (!namesTwice(entry.cells)) continue;
      const byRef = new Map<string, RaciCell[]>();
      for (const cell of entry.cells) {
        const key = `${cell.ref.kind}:${cell.ref.id}`;
        const list = byRef.get(key);
        if (list) list.push(cell);
        else byRef.set(key, [cell]);
      }
      for (const cells of byRef.values()) {
        if (cells.length < 2) continue;
        const letters = cells.map((c) => c.letter);
        const isRA = cells.length === 2 && letters.includes("R") && letters.includes("A");
        if (isRA) continue;
        const extra = cells.find((c) => c.letter !== "R" && c.letter !== "A") ?? (cells.at(-1) as RaciCell);
        report({
          node: entry.source,
          path: extra.path,
          subject: entry.activity,
          message: `${describeRef(graph, extra.ref)} has ${letters.join(" and ")} on ${describeEntry(graph, entry)}; only R with A may be combined`,
        });
      }
    }
  },
});

/** Whether a row names one role or person in two of its cells (rows are short: no index needed). */
function namesTwice(cells: readonly RaciCell[]): boolean {
  for (let i = 1; i < cells.length; i++) {
    const { kind, id } = (cells[i] as RaciCell).ref;
    for (let j = 0; j < i; j++) {
      const other = (cells[j] as RaciCell).ref;
      if (other.kind === kind && other.id === id) return true;
    }
  }
  return false;
}
