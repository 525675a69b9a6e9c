import type { RaciEntry } from "../../../graph/types.ts";
import type { PathKey } from "../../../model/yaml-source.ts";
import { describeEntry, describePeople } from "../../describe.ts";
import { countCells } from "../../facts.ts";
import { defineRule } from "../../rule.ts";

export default defineRule({
  id: "raci/accountable-one-person",
  meta: {
    area: "raci",
    severity: "info",
    reads: ["cells"],
    assesses: ["raci", "people"],
    description:
      "The Accountable of each activity resolves to one person, not to a role several people hold. One finding per role, listing its rows.",
    rationale:
      "Accountability only works when one person answers for the result. A role named as Accountable that several people hold spreads the answer over all of them. 003 stresses clear accountabilities over titles. It is a note (info), not a warning: 001 §3.4 itself writes the Accountable as a role, and a second holder of a role is a backup, which the doctor must not discourage. (An Accountable that stands for nobody is risk/single-point-of-failure's.)",
    source: "003 Key Project Roles and Responsibilities; 001 §3.4",
    fix: "Name one person as Accountable (`A: person:<id>`), or scope the row to a product (`product:`) whose team has one holder of the role.",
    example:
      "people:\n  - { id: ana, name: Ana, roles: [mlops-engineer] }\n  - { id: ben, name: Ben, roles: [mlops-engineer] }\nraci:\n  - activity: ci-cd-pipeline\n    R: mlops-engineer\n    A: mlops-engineer",
  },
  check({ graph, report }) {
    // One finding per role (and set of holders), listing its rows: a second holder of a role is a
    // backup, not a new problem on every row the role is Accountable for.
    const byRole = new Map<string, { entries: RaciEntry[]; people: readonly string[]; path: PathKey[] }>();
    for (const entry of graph.raci) {
      if (countCells(entry, "A") !== 1) continue; // raci/single-accountable reports these rows
      const cell = entry.cells.find((c) => c.letter === "A");
      // Nobody at all is risk/single-point-of-failure's to report.
      if (cell?.ref.kind !== "role" || cell.people.length <= 1) continue;
      const key = `${cell.ref.id}\u0000${cell.people.join(",")}`;
      const group = byRole.get(key) ?? { entries: [], people: cell.people, path: cell.path };
      group.entries.push(entry);
      byRole.set(key, group);
    }
    for (const [key, { entries, people, path }] of byRole) {
      const role = key.split("\u0000")[0] as string;
      const first = entries[0] as RaciEntry;
      const names = entries.map((e) => describeEntry(graph, e));
      report({
        node: first.source,
        path,
        subject: role,
        message: `role ${role} is the Accountable of ${names.length === 1 ? names[0] : `${names.length} activities (${names.slice(0, 4).join(", ")}${names.length > 4 ? ", …" : ""})`}, and ${people.length} people hold it (${describePeople(graph, people)}): nobody in particular answers for ${names.length === 1 ? "it" : "them"}`,
      });
    }
  },
});
