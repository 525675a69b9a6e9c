import { hasProduction } from "../../facts.ts";
import { defineRule } from "../../rule.ts";

const PINS = [
  {
    role: "outside-to-inside",
    what: "keeps the business stakeholders and sponsors informed and owns the strategic roadmap",
  },
  {
    role: "inside-to-outside",
    what: "shepherds the development team and owns the backlog and technical roadmap",
  },
];

export default defineRule({
  id: "leadership/linking-pins",
  meta: {
    area: "leadership",
    severity: "warn",
    reads: ["holders"],
    assesses: ["roles"],
    description:
      "Once a product is in production, someone links the team to the business from each side: outside-to-inside and inside-to-outside.",
    rationale:
      "002: the outside-to-inside person (product manager, analytics translator…) links the business to the technical team; the inside-to-outside person (product owner, data science manager…) does the same from the technical side. Together they close the gap between business and tech that production systems depend on. Job titles map to these roles through the catalog's aliases.",
    source: '002 "Outside-to-inside person"; 002 "Inside-to-outside person"',
    fix: "Give the role to someone (see `mlteam catalog roles <role>` for the titles it goes by).",
    example:
      "people:\n  - { id: ana, name: Ana, roles: [data-scientist] }\nteams: [{ id: t, type: product, members: [ana] }]\nproducts: [{ id: p, team: t, stage: production }]",
  },
  check({ graph, report }) {
    if (!hasProduction(graph)) return;
    for (const { role, what } of PINS) {
      if ((graph.holders.get(role)?.length ?? 0) > 0) continue;
      report({ subject: role, message: `a product is in production but nobody holds ${role}, who ${what}` });
    }
  },
});
