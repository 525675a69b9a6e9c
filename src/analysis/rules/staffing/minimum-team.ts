import type { TeamGraph } from "../../../graph/types.ts";
import { defineRule } from "../../rule.ts";

const LEAD_ROLES = ["tech-lead", "lead-data-scientist"];
const CORE_ROLES = ["data-scientist", "ml-engineer", "data-engineer"];

export default defineRule({
  id: "staffing/minimum-team",
  meta: {
    area: "staffing",
    severity: "warn",
    reads: ["people", "holders"],
    assesses: ["people", "roles"],
    description:
      "The team has the minimum its stage calls for: a lead practitioner to start; then a data scientist, an ML engineer and a data engineer (the tech lead is leadership/tech-lead's).",
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
    // The lead practitioner is this rule's at the first use case; past it, leadership/tech-lead asks
    // for the tech lead, so the same missing lead is reported once.
    if (organisation.stage === "starting") {
      const leads = holdersOf(graph, LEAD_ROLES);
      if (leads.length === 0) {
        report({
          ...at,
          subject: "tech-lead",
          message:
            "no lead practitioner for the first use case: nobody holds tech-lead or lead-data-scientist",
        });
        return;
      }
      // Only recorded levels count: a lead whose statistics-ml is not recorded is not assessed (skills/not-assessed).
      const recorded = leads.filter((id) => "statistics-ml" in (graph.people.get(id)?.source.skills ?? {}));
      const qualified = recorded.filter(
        (id) => (graph.people.get(id)?.skills["statistics-ml"] ?? 0) >= leadLevel,
      );
      if (recorded.length === leads.length && qualified.length === 0) {
        report({
          ...at,
          subject: "tech-lead",
          message: `the lead (${leads.map((id) => graph.people.get(id)?.name ?? id).join(", ")}) has statistics-ml below ${leadLevel}; the first use case needs an intermediate-to-advanced practitioner`,
          fix: "Pair the lead with an experienced data scientist, or plan their training.",
        });
      }
      return;
    }
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
