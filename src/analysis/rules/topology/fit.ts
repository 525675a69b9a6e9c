import { defineRule } from "../../rule.ts";
import { recommendTopology } from "../../topology-fit.ts";

export default defineRule({
  id: "topology/fit",
  meta: {
    area: "topology",
    severity: "info",
    reads: [],
    description: "The declared topology is the one the organisation's stage and number of products point to.",
    rationale:
      "001 §3.3: embedded ML teams with a shared platform suit large organisations with many independent products; a centralized ML platform suits organisations starting MLOps that need standardisation; a full-stack ML team suits startups and early-stage ML.",
    source: "001 §3.3",
    fix: "Consider moving to the recommended topology (`mlteam recommend` explains why), or update `organisation.topology`, `stage` or `mlProducts` if they are out of date.",
    example: "organisation: { name: O, stage: mature, mlProducts: 12, topology: full-stack }",
  },
  check({ graph, report }) {
    const organisation = graph.organisation;
    if (!organisation?.topology) return;
    const fit = recommendTopology(graph, graph.topologies);
    if (!fit || [fit.topology, ...fit.alternatives].some((t) => t.id === organisation.topology)) return;
    report({
      node: organisation,
      path: ["topology"],
      subject: organisation.topology,
      message: `declared ${organisation.topology}, but the facts point to ${fit.topology.id}: ${fit.facts.join("; ")}`,
    });
  },
});
