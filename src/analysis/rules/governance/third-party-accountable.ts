import { nameOf } from "../../facts.ts";
import { defineRule } from "../../rule.ts";

export default defineRule({
  id: "governance/third-party-accountable",
  meta: {
    area: "governance",
    severity: "warn",
    reads: ["people", "cells"],
    per: "row",
    description: "Work done by contractors or vendors keeps an Accountable inside the organisation.",
    rationale:
      "003's accelerator team is a project team: its roles end with the project, and a contractor's accountability leaves with them. ISO/IEC 42001 A.10.2 asks that responsibilities with third parties be allocated; the NIST AI RMF (GOVERN 6.1) that third-party risks be governed. When the people doing an activity are contractors or vendors, someone who stays must be Accountable. This is not legal advice.",
    source: "003 Key Business Leads",
    fix: "Make an employee Accountable for the activity (the A of its RACI row), with the contractor or vendor Responsible.",
    frameworks: ["iso-42001", "nist-ai-rmf"],
    clauses: ["ISO/IEC 42001 A.10.2", "NIST AI RMF GOVERN 6.1"],
    example:
      "organisation: { name: O, stage: scaling, frameworks: [iso-42001] }\npeople:\n  - { id: vic, name: Vic, roles: [mlops-engineer], employment: vendor }\nraci:\n  - { activity: model-serving, R: vic, A: vic }",
  },
  check({ graph, facts, rows, report }) {
    const external = (id: string) => facts.isExternal(id);
    for (const entry of rows) {
      const { r, a } = facts.row(entry);
      const doers = [...r].filter(external);
      if (doers.length === 0) continue;
      const accountable = [...a];
      if (accountable.some((id) => !external(id))) continue;
      report({
        node: entry.source,
        path: [accountable.length ? "A" : "activity"],
        subject: entry.product ? `${entry.activity}:${entry.product}` : entry.activity,
        message: `${entry.activity}${entry.product ? ` (${entry.product})` : ""} is done by ${doers.map((id) => `${nameOf(graph, id)} (${facts.personSource(id)?.employment})`).join(", ")} and has ${accountable.length ? `only outside Accountables: ${accountable.map((id) => nameOf(graph, id)).join(", ")}` : "no Accountable"} (ISO/IEC 42001 A.10.2)`,
      });
    }
  },
});
