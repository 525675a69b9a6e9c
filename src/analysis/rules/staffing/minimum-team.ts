import type { TeamGraph } from "../../../graph/types.ts";
import { defineRule } from "../../rule.ts";

const LEAD_ROLES = ["tech-lead", "lead-data-scientist"];
const CORE_ROLES = ["data-scientist", "ml-engineer", "data-engineer"];

export default defineRule({
  id: "staffing/minimum-team",
  meta: {
    area: "staffing",
    severity: "warn",
    description:
      "The team has the minimum its stage calls for: a lead practitioner to start; then a data scientist, an ML engineer, a data engineer and a lead.",
    rationale:
      "000 §8A.1 recommends starting with one ML use case overseen by an intermediate-to-advanced data-science practitioner acting as tech lead or lead data scientist, and names tech lead, data scientist, ML engineer and data engineer as the minimum team to develop, deploy and maintain an ML system once the practice grows.",
    source: "000 §8A.1",
    fix: "Give the missing role to someone (a data scientist may combine it with ML or data engineering in a small team), or plan the hire.",
    options: {
      leadLevel: {
        default: 3,
        description: "The statistics-ml level (0–4) the lead practitioner needs; 3 is intermediate.",
      },
    },
    example:
      "organisation: { name: Acme, stage: scaling }\npeople:\n  - { id: ana, name: Ana, roles: [data-scientist] }",
  },
  check({ graph, options, report }) {
    const organisation = graph.organisation;
    if (!organisation) return;
    const at = { node: organisation, path: ["stage"] };
    const leadLevel = Number(options.leadLevel);
    const leads = holdersOf(graph, LEAD_ROLES);
    const qualified = leads.filter((id) => (graph.people.get(id)?.skills["statistics-ml"] ?? 0) >= leadLevel);
    if (leads.length === 0) {
      report({
        ...at,
        subject: "tech-lead",
        message: `no lead practitioner: nobody holds tech-lead or lead-data-scientist (stage ${organisation.stage})`,
      });
    } else if (qualified.length === 0) {
      report({
        ...at,
        subject: "tech-lead",
        message: `the lead (${leads.map((id) => graph.people.get(id)?.name ?? id).join(", ")}) has statistics-ml below ${leadLevel}; the first use case needs an intermediate-to-advanced practitioner`,
        fix: "Record the lead's statistics-ml level under `skills`, or pair them with an experienced data scientist.",
      });
    }
    if (organisation.stage === "starting") return;
    for (const role of CORE_ROLES) {
      if ((graph.holders.get(role)?.length ?? 0) > 0) continue;
      report({
        ...at,
        subject: role,
        message: `the minimum team for stage ${organisation.stage} has no ${graph.roles.get(role)?.name ?? role}`,
      });
    }
  },
});

function holdersOf(graph: TeamGraph, roles: readonly string[]): string[] {
  return [...new Set(roles.flatMap((r) => graph.holders.get(r) ?? []))];
}
