import { describeEntry } from "../../describe.ts";
import { hasProduction, nameOf } from "../../facts.ts";
import { defineRule } from "../../rule.ts";

export default defineRule({
  id: "risk/contractor-accountable",
  meta: {
    area: "risk",
    severity: "warn",
    reads: ["people", "cells"],
    per: "row",
    assesses: ["raci", "people"],
    description:
      "While a product runs in production, every production-critical activity has an Accountable who is an employee, not only contractors or vendors.",
    rationale:
      "003's project roles end with the project, and so does a contractor's or a vendor's engagement: production-critical work (deployment, CI/CD, monitoring, data pipelines) answered for only by them has nobody to answer for it the day the contract ends.",
    source: "003 Key Project Roles and Responsibilities",
    fix: "Make an employee Accountable (the contractor can stay Responsible), or plan the hand-over before the contract ends.",
    example:
      "people:\n  - { id: cy, name: Cy, roles: [mlops-engineer], employment: contractor }\nteams: [{ id: t, type: product, members: [cy] }]\nproducts: [{ id: p, team: t, stage: production }]\nraci:\n  - { activity: monitoring-setup, R: cy, A: cy }",
  },
  check({ graph, facts, rows, report }) {
    if (!hasProduction(graph)) return;
    for (const entry of rows) {
      if (!graph.activities.get(entry.activity)?.productionCritical) continue;
      const outside = [...facts.row(entry).a];
      if (outside.length === 0 || outside.some((p) => !facts.isExternal(p))) continue;
      report({
        node: entry.source,
        path: ["A"],
        subject: entry.activity,
        message: `${describeEntry(graph, entry)} is production-critical and answered for only by ${outside.map((p) => `${nameOf(graph, p)} (${graph.people.get(p)?.source.employment})`).join(", ")}`,
      });
    }
  },
});
