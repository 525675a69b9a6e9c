import type { RaciEntry, TeamGraph } from "../../../graph/types.ts";
import { describeEntry } from "../../describe.ts";
import { defineRule } from "../../rule.ts";

export default defineRule({
  id: "raci/product-consistency",
  meta: {
    area: "raci",
    severity: "warn",
    reads: ["cells", "holders"],
    per: "row",
    assesses: ["raci", "products"],
    description: "Per-product RACI rows cover every product and name roles that the product's teams hold.",
    rationale:
      "In embedded teams (001 §3.3) each product team owns its stack, so an activity assigned per product must be assigned for every product — or have a general row to fall back on. A product row that names a role nobody in the product's team or its platform holds hands the work to a stranger.",
    source: "001 §3.3",
    fix: "Add the missing product rows or a general row; name roles held within the product's team or the platform that serves it, or a person.",
    example:
      "people:\n  - { id: ana, name: Ana, roles: [data-scientist] }\n  - { id: bo, name: Bo, roles: [data-scientist] }\nteams:\n  - { id: a, type: product, members: [ana] }\n  - { id: b, type: product, members: [bo] }\nproducts:\n  - { id: p, team: a, stage: production }\n  - { id: q, team: b, stage: production }\nraci:\n  - { activity: model-training-code, product: p, R: data-scientist, A: person:ana }",
  },
  check({ graph, rows, report }) {
    // An activity's missing product rows are reported at its first row, and checked with that row.
    const firsts = new Set<RaciEntry>();
    for (const entries of graph.raciByActivity.values())
      if (!entries.some((e) => e.product === undefined)) firsts.add(entries[0] as RaciEntry);
    for (const first of rows) {
      if (!firsts.has(first)) continue;
      const { activity } = first;
      const covered = new Set((graph.raciByActivity.get(activity) ?? []).map((e) => e.product));
      for (const product of graph.products.keys()) {
        if (covered.has(product)) continue;
        report({
          node: first.source,
          path: ["activity"],
          subject: activity,
          message: `"${graph.activities.get(activity)?.name ?? activity}" has rows for ${[...covered].join(", ")} but none for product ${product} and no general row`,
        });
      }
    }
    // Whether a row's role is held near its product changes only with who the row's cells stand for:
    // nobody near holds it exactly when the cell stands for the holders across the organisation.
    const near = rolesNear(graph);
    for (const entry of rows) {
      const team = entry.product === undefined ? undefined : graph.products.get(entry.product)?.team;
      if (team === undefined) continue;
      const held = near(team);
      for (const cell of entry.cells) {
        if (cell.ref.kind !== "role" || cell.people.length === 0 || held.has(cell.ref.id)) continue;
        report({
          node: entry.source,
          path: cell.path,
          subject: entry.activity,
          message: `${describeEntry(graph, entry)} names role ${cell.ref.id}, which nobody in team ${team} or the teams serving it holds`,
        });
      }
    }
  },
});

/** The roles someone in a team or the teams serving it holds (worked out once per team). */
function rolesNear(graph: TeamGraph): (team: string) => ReadonlySet<string> {
  const known = new Map<string, Set<string>>();
  return (team) => {
    let held = known.get(team);
    if (!held) {
      held = new Set();
      for (const t of [team, ...(graph.teams.get(team)?.servedBy ?? [])])
        for (const [role, holders] of graph.teamRoles.get(t) ?? []) if (holders.length > 0) held.add(role);
      known.set(team, held);
    }
    return held;
  };
}
