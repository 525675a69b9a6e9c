import { defineRule } from "../../rule.ts";

export default defineRule({
  id: "leadership/tech-lead",
  meta: {
    area: "leadership",
    severity: "warn",
    reads: ["holders"],
    assesses: ["roles"],
    description: "A team past its first use case has a tech lead.",
    rationale:
      "002: the tech lead is responsible for solution design, quality assurance, culture, standard operating procedures, team learning and problem solving. 000 §8A.1 has the tech lead set the strategy for model development and bridge business goals and technical execution. (At stage starting, staffing/minimum-team asks for the lead practitioner instead.)",
    source: '002 "Tech lead"; 000 §8A.1',
    fix: "Give an experienced engineer the tech-lead role.",
    example:
      "organisation: { name: O, stage: scaling }\npeople:\n  - { id: ana, name: Ana, roles: [data-scientist] }",
  },
  check({ graph, report }) {
    const organisation = graph.organisation;
    if (!organisation || organisation.stage === "starting") return;
    if ((graph.holders.get("tech-lead")?.length ?? 0) > 0) return;
    report({
      node: organisation,
      path: ["stage"],
      subject: "tech-lead",
      message: "nobody holds the tech-lead role",
    });
  },
});
