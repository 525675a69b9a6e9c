import type { RaciCell, RaciEntry } from "../../../graph/types.ts";
import { defineRule } from "../../rule.ts";

export default defineRule({
  id: "raci/role-unstaffed",
  meta: {
    area: "raci",
    severity: "warn",
    reads: ["holders"],
    assesses: ["raci", "people"],
    description: "Every role the RACI names is held by at least one person.",
    rationale:
      "A RACI that hands work to a role nobody holds is a plan, not a team: the work falls to whoever is around. 003 asks for clear accountabilities and the skills to meet them; 002 warns that MLOps often rests on one or two people.",
    source: '003 Key Project Roles and Responsibilities; 002 "Why you should want a good MLOps team"',
    fix: "Give the role to someone under `people[].roles`, hire for it, or reassign the activities to a role that is held.",
    example:
      "people:\n  - { id: ana, name: Ana, roles: [data-scientist] }\nraci:\n  - activity: data-pipeline\n    R: data-engineer\n    A: data-scientist",
  },
  check({ graph, report }) {
    const uses = new Map<string, { entry: RaciEntry; cell: RaciCell }[]>();
    for (const entry of graph.raci) {
      for (const cell of entry.cells) {
        if (cell.ref.kind !== "role" || (graph.holders.get(cell.ref.id)?.length ?? 0) > 0) continue;
        const list = uses.get(cell.ref.id);
        if (list) list.push({ entry, cell });
        else uses.set(cell.ref.id, [{ entry, cell }]);
      }
    }
    for (const [role, list] of uses) {
      const first = list[0];
      if (!first) continue;
      const activities = [...new Set(list.map((u) => u.entry.activity))];
      const letters = [...new Set(list.map((u) => u.cell.letter))].join("/");
      report({
        node: first.entry.source,
        path: first.cell.path,
        subject: role,
        message: `role ${role} (${letters}) appears on ${activities.length} ${activities.length === 1 ? "activity" : "activities"} (${activities.slice(0, 4).join(", ")}${activities.length > 4 ? ", …" : ""}) but nobody holds it`,
      });
    }
  },
});
