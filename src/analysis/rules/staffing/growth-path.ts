import type { TeamGraph } from "../../../graph/types.ts";
import { defineRule } from "../../rule.ts";

/** Roles that make someone part of the ML practice itself (not its sponsors or governance). */
const PRACTICE = new Set(["data-ml", "platform", "engineering"]);

/** The share of their time each person in the ML practice gives its roles (those who give some). */
function practiceShares(graph: TeamGraph): number[] {
  const shares: number[] = [];
  for (const person of graph.people.values()) {
    let share = 0;
    for (const r of person.roles)
      if (PRACTICE.has(graph.roles.get(r.role)?.category ?? "") || r.role === "tech-lead")
        share += r.allocation;
    if (share > 0) shares.push(share);
  }
  return shares;
}

export default defineRule({
  id: "staffing/growth-path",
  meta: {
    area: "staffing",
    severity: "warn",
    reads: ["people"],
    assesses: ["people"],
    description: "The team's size matches its stage on 000's growth path.",
    rationale:
      "000 §8A.1: start with one use case overseen by one lead practitioner; expand to a team of 2–4 as the practice matures; a dedicated team of 3 or 4 is recommended. A stage that does not match the team hides either an overstretched team or an out-of-date model.",
    source: "000 §8A.1",
    fix: "Grow the team to what its stage needs, or correct `organisation.stage`.",
    options: {
      dedicated: {
        default: 50,
        description: "The allocation (%) in practice roles from which someone counts as dedicated.",
      },
    },
    example:
      "organisation: { name: O, stage: mature }\npeople:\n  - { id: ana, name: Ana, roles: [{ role: data-scientist, allocation: 30 }] }",
  },
  check({ graph, options, report }) {
    const organisation = graph.organisation;
    if (!organisation) return;
    const at = { node: organisation, path: ["stage"], subject: organisation.stage };
    const shares = practiceShares(graph);
    const all = shares.length;
    const dedicated = shares.filter((share) => share >= Number(options.dedicated)).length;
    if (organisation.stage === "starting" && all > 4) {
      report({
        ...at,
        severity: "info",
        message: `stage is starting, but ${all} people work in the ML practice; 000 grows past the first use case to a team of 2–4 — is the stage out of date?`,
        fix: "Set `organisation.stage` to scaling (or mature) if the practice has moved on.",
      });
    } else if (organisation.stage === "scaling" && all < 2) {
      report({
        ...at,
        message: `stage is scaling, but only ${all} ${all === 1 ? "person works" : "people work"} in the ML practice; 000 expands to a team of 2–4`,
      });
    } else if (organisation.stage === "mature" && dedicated < 3) {
      report({
        ...at,
        message: `stage is mature, but only ${dedicated} ${dedicated === 1 ? "person is" : "people are"} dedicated (≥ ${options.dedicated}%) to the ML practice; 000 recommends a dedicated team of 3 or 4`,
      });
    }
  },
});
