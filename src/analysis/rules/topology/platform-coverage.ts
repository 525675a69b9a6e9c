import { defineRule } from "../../rule.ts";

export default defineRule({
  id: "topology/platform-coverage",
  meta: {
    area: "topology",
    severity: "warn",
    reads: [],
    assesses: ["teams"],
    description: "In an embedded topology, every product team is served by a shared platform team.",
    rationale:
      "001 §3.3, Model 1: product teams own their full stack, and a shared platform of MLOps and platform engineers serves them all. Without it, each product team rebuilds CI/CD, deployment and monitoring on its own.",
    source: "001 §3.3",
    fix: "Add the product team to a platform team's `serves`, or create the shared platform team.",
    example:
      "organisation: { name: O, stage: mature, topology: embedded }\npeople:\n  - { id: ana, name: Ana }\nteams:\n  - { id: recs, type: product, members: [ana] }",
  },
  check({ graph, report }) {
    if (graph.organisation?.topology !== "embedded") return;
    for (const team of graph.teams.values()) {
      if (team.source.type !== "product") continue;
      if (team.servedBy.some((id) => graph.teams.get(id)?.source.type === "platform")) continue;
      report({
        node: team.source,
        path: ["id"],
        subject: team.id,
        message: `product team ${team.id} is not served by any platform team`,
      });
    }
  },
});
