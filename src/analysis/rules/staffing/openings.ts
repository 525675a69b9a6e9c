import { defineRule } from "../../rule.ts";

export default defineRule({
  id: "staffing/openings",
  meta: {
    area: "staffing",
    severity: "info",
    reads: ["cells"],
    scored: false,
    description:
      "Says what each open or planned position will cover and from when; an opening covers nothing until someone starts.",
    rationale:
      "000 §8A.1 grows the team step by step, role by role. An opening is a plan, not a person: the doctor keeps reporting the gaps it will close (they are real today) and says here which ones, and when, so that the plan and the risks can be read together.",
    source: "000 §8A.1",
    fix: "Nothing to fix: when the person starts, add them under `people` and remove the opening.",
    example:
      "openings:\n  - { id: mle-2027, role: ml-engineer, start: 2027-01-15 }\nraci:\n  - { activity: model-unit-tests, R: ml-engineer, A: ml-engineer }",
  },
  check({ graph, today, report }) {
    for (const opening of graph.model.openings) {
      const rows = graph.raci.filter((e) =>
        e.cells.some((c) => c.ref.kind === "role" && c.ref.id === opening.role && c.people.length === 0),
      );
      const when =
        opening.start === undefined
          ? "with no start date yet"
          : today !== "" && opening.start <= today
            ? `due since ${opening.start} (add the person under \`people\`)`
            : `from ${opening.start}`;
      report({
        node: opening,
        path: ["role"],
        subject: opening.id,
        message: `opening ${opening.id} (${opening.role}, ${opening.status ?? "open"}) ${when} ${rows.length > 0 ? `will cover ${rows.map((r) => r.activity + (r.product ? ` [${r.product}]` : "")).join(", ")}, which ${rows.length === 1 ? "has" : "have"} nobody in that role today` : "covers no activity that lacks someone today"}`,
      });
    }
  },
});
