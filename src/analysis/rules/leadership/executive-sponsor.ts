import { stakeholderPeople } from "../../facts.ts";
import { defineRule } from "../../rule.ts";

export default defineRule({
  id: "leadership/executive-sponsor",
  meta: {
    area: "leadership",
    severity: "error",
    reads: ["holders", "stakeholders"],
    assesses: ["people"],
    description: "The ML team has an executive sponsor.",
    rationale:
      "002: every successful ML project starts with buy-in from the strategic or executive level; without it, don't bother trying. Data science and MLOps cross departments, need significant investment and change how things are done — that needs the big bosses' support, kept close with regular updates.",
    source: '002 "Strategic/executive level"',
    fix: "Name the sponsor: a stakeholder `{ kind: executive-sponsor, person: <id> }` (or `name:` for someone outside the model), or give a person the executive-sponsor role.",
    example: "people:\n  - { id: ana, name: Ana, roles: [data-scientist] }",
  },
  check({ graph, report }) {
    const named = graph.stakeholders.some((s) => s.kind === "executive-sponsor");
    if (named || stakeholderPeople(graph, "executive-sponsor").size > 0) return;
    report({ subject: "executive-sponsor", message: "the ML team has no executive sponsor" });
  },
});
