import type { TeamGraph } from "../../../graph/types.ts";
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
    for (const first of rows) {
      const { activity } = first;
      const entries = graph.raciByActivity.get(activity);
      if (!entries || entries[0] !== first || entries.some((e) => e.product === undefined)) continue;
      const covered = new Set(entries.map((e) => e.product));
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
    const heldNear = heldInOrServing(graph);
    for (const entry of rows) {
      const team = entry.product === undefined ? undefined : graph.products.get(entry.product)?.team;
      if (team === undefined) continue;
      for (const cell of entry.cells) {
        if (cell.ref.kind !== "role" || cell.people.length === 0) continue;
        if (heldNear(team, cell.ref.id)) continue;
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

/** Whether someone in a team or the teams serving it holds a role (worked out once per team and role). */
function heldInOrServing(graph: TeamGraph): (team: string, role: string) => boolean {
  const known = new Map<string, Map<string, boolean>>();
  return (team, role) => {
    let byRole = known.get(team);
    if (!byRole) {
      byRole = new Map();
      known.set(team, byRole);
    }
    let held = byRole.get(role);
    if (held === undefined) {
      held = [team, ...(graph.teams.get(team)?.servedBy ?? [])].some(
        (t) => (graph.teamRoles.get(t)?.get(role)?.length ?? 0) > 0,
      );
      byRole.set(role, held);
    }
    return held;
  };
}
