import { defineRule } from "../../rule.ts";

export default defineRule({
  id: "topology/organisation-references",
  meta: {
    area: "topology",
    severity: "info",
    reads: [],
    scored: false,
    description:
      "References to teams and people the model does not hold, left for the organisation (`mlteam org doctor`) to resolve.",
    rationale:
      "001 §3.3: a platform team serves product teams that often keep their models in their own repositories, and people report to managers of other teams. A team's model may name them; checked alone it cannot tell whether they exist, so it lists them once, and `mlteam org doctor` resolves them across every source of `mlteam-org.yaml` (an error there when they are nowhere).",
    source: "001 §3.3",
    fix: "Check the team in its organisation with `mlteam org doctor` (a name found nowhere is an error there); if a name is a typo of one of this model's ids, correct it.",
    example:
      "people:\n  - { id: ana, name: Ana, reportsTo: kchen }\nteams:\n  - { id: platform, type: platform, members: [ana], serves: [fraud] }",
  },
  check({ graph, report }) {
    const first = graph.external[0];
    if (!first) return;
    const named = graph.external.map((r) => {
      const at = graph.model.locate(r.node, r.path);
      const hint = r.suggestion !== undefined ? ` — did you mean "${r.suggestion}"?` : "";
      return `${r.kind} "${r.id}" (${at.file}:${at.line}:${at.column}${hint})`;
    });
    report({
      node: first.node,
      path: first.path,
      message: `${graph.external.length} reference${graph.external.length === 1 ? " is" : "s are"} not in this model and left for the organisation to resolve: ${named.join(", ")}`,
    });
  },
});
