import { describeEntry, describePeople } from "../../describe.ts";
import { defineRule } from "../../rule.ts";

export default defineRule({
  id: "raci/accountable-one-person",
  meta: {
    area: "raci",
    severity: "warn",
    assesses: ["raci", "people"],
    description:
      "The Accountable of each activity resolves to one person, not to a role several people hold.",
    rationale:
      "Accountability only works when one person answers for the result. A role named as Accountable that several people hold spreads the answer over all of them. 003 stresses clear accountabilities over titles. (An Accountable that stands for nobody is risk/single-point-of-failure's.)",
    source: "003 Key Project Roles and Responsibilities; 001 §3.4",
    fix: "Name one person as Accountable (`A: person:<id>`), or scope the row to a product (`product:`) whose team has one holder of the role.",
    example:
      "people:\n  - { id: ana, name: Ana, roles: [mlops-engineer] }\n  - { id: ben, name: Ben, roles: [mlops-engineer] }\nraci:\n  - activity: ci-cd-pipeline\n    R: mlops-engineer\n    A: mlops-engineer",
  },
  check({ graph, report }) {
    for (const entry of graph.raci) {
      const accountable = entry.cells.filter((c) => c.letter === "A");
      if (accountable.length !== 1) continue; // raci/single-accountable reports these rows
      const cell = accountable[0];
      // Nobody at all is risk/single-point-of-failure's to report.
      if (cell?.ref.kind !== "role" || cell.people.length <= 1) continue;
      report({
        node: entry.source,
        path: cell.path,
        subject: entry.activity,
        message: `the Accountable of ${describeEntry(graph, entry)}, role ${cell.ref.id}, is held by ${cell.people.length} people (${describePeople(graph, cell.people)})`,
      });
    }
  },
});
