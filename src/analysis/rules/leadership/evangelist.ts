import { stakeholderPeople } from "../../facts.ts";
import { defineRule } from "../../rule.ts";

export default defineRule({
  id: "leadership/evangelist",
  meta: {
    area: "leadership",
    severity: "info",
    reads: ["holders", "stakeholders"],
    assesses: ["people"],
    description: "Someone evangelises the team's ML work.",
    rationale:
      "002 puts evangelists high on its list because they are often forgotten: they get ideas traction and resources, keep projects alive when execution gets hard, and drive adoption afterwards. It is not a role one hires for; it hides under any job title.",
    source: '002 "Evangelist"',
    fix: "Name the evangelist as a stakeholder `{ kind: evangelist, person: <id> }` or give them the evangelist role.",
    example: "people:\n  - { id: ana, name: Ana, roles: [data-scientist] }",
  },
  check({ graph, report }) {
    if (
      graph.stakeholders.some((s) => s.kind === "evangelist") ||
      stakeholderPeople(graph, "evangelist").size > 0
    )
      return;
    report({ subject: "evangelist", message: "nobody is named as the team's evangelist" });
  },
});
