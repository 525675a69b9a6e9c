import type { RaciEntry, RaciRef } from "../../../graph/types.ts";
import { defineRule } from "../../rule.ts";

export default defineRule({
  id: "raci/role-overload",
  meta: {
    area: "raci",
    severity: "warn",
    reads: [],
    assesses: ["raci", "roles"],
    description: "No role or person is Responsible or Accountable for more activities than it can carry.",
    rationale:
      "002 warns that MLOps in many organisations depends on a handful of people, sometimes one or two. A RACI column full of R and A is the same risk written down: when that role or person is busy or away, all of those activities stall.",
    source: '002 "Why you should want a good MLOps team"',
    fix: "Move some R or A to other roles, split the role, or add holders and scope rows to products.",
    options: {
      max: { default: 12, description: "The most activities one role or person may be R or A for." },
    },
    example:
      "people:\n  - { id: meghan, name: Meghan, roles: [mlops-engineer] }\nraci:\n  - { activity: ci-cd-pipeline, R: meghan, A: meghan }\n  - { activity: k8s-deployment, R: meghan, A: meghan }\n  - { activity: monitoring-setup, R: meghan, A: meghan }\nrules:\n  raci/role-overload: { options: { max: 2 } }",
  },
  check({ graph, options, report }) {
    const max = Number(options.max);
    // Each role or person Responsible or Accountable somewhere, in the order first met.
    const load = { role: new Map<string, Load>(), person: new Map<string, Load>() };
    const order: Load[] = [];
    for (const entry of graph.raci) {
      for (const cell of entry.cells) {
        if (cell.letter !== "R" && cell.letter !== "A") continue;
        const { kind, id } = cell.ref;
        let item = load[kind].get(id);
        if (!item) {
          item = { kind, id, first: entry, path: cell.path, activities: new Set<string>() };
          load[kind].set(id, item);
          order.push(item);
        }
        item.activities.add(entry.activity);
      }
    }
    for (const item of order) {
      if (item.activities.size <= max) continue;
      report({
        node: item.first.source,
        path: item.path,
        subject: item.id,
        message: `${item.kind} ${item.id} is Responsible or Accountable for ${item.activities.size} activities (at most ${max})`,
      });
    }
  },
});

/** A role's or person's R and A: the first row and cell that name it, and the activities. */
interface Load {
  kind: RaciRef["kind"];
  id: string;
  first: RaciEntry;
  path: (string | number)[];
  activities: Set<string>;
}
