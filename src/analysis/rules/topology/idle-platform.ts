import { defineRule } from "../../rule.ts";

export default defineRule({
  id: "topology/idle-platform",
  meta: {
    area: "topology",
    severity: "warn",
    reads: [],
    assesses: ["teams"],
    description: "Every platform team serves at least one team.",
    rationale:
      "001 §3.3: a platform team (shared in Model 1, central in Model 2) exists to serve the teams that build ML products. One that serves nobody in the model is either missing its `serves` list or has no customers.",
    source: "001 §3.3",
    fix: "List the teams it serves under `serves`, or reconsider the team.",
    example:
      "people:\n  - { id: ana, name: Ana }\nteams:\n  - { id: platform, type: platform, members: [ana] }",
  },
  check({ graph, report }) {
    for (const team of graph.teams.values()) {
      // A team it serves in another repository counts (the organisation resolves it).
      if (team.source.type !== "platform" || (team.source.serves ?? []).length > 0) continue;
      report({
        node: team.source,
        path: ["id"],
        subject: team.id,
        message: `platform team ${team.id} serves no team`,
      });
    }
  },
});
