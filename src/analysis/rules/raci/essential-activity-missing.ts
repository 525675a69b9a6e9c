import { stageReached } from "../../facts.ts";
import { defineRule } from "../../rule.ts";

export default defineRule({
  id: "raci/essential-activity-missing",
  meta: {
    area: "raci",
    severity: "warn",
    reads: [],
    assesses: ["raci"],
    description:
      "Every activity the catalog expects at the organisation's stage has a RACI row (a row for the broader activity it is part of counts).",
    rationale:
      "000 §8A.1 lists what a team must do to develop, deploy and maintain an ML system, and 001 §3.4 assigns each such activity. An activity with no row is done by whoever notices — or by nobody. The catalog marks from which stage (starting, scaling, mature) each activity is expected.",
    source: "001 §3.4; 000 §8A.1",
    fix: "Add a `raci:` row for each (`mlteam catalog activities <id>` shows its default RACI); `mlteam doctor --format json` lists them all.",
    example:
      "organisation: { name: O, stage: starting }\nraci:\n  - { activity: data-exploration, R: data-scientist, A: data-scientist }",
  },
  check({ graph, report }) {
    const organisation = graph.organisation;
    if (!organisation) return;
    // A row for a broader activity covers its parts (data-pipeline covers data-quality), and a row
    // for any part covers the broader one: a team that writes 001's coarser rows, or finer ones, is
    // not asked for the other.
    const rows = new Set(graph.raciByActivity.keys());
    const partRows = new Set<string>(); // broader activities one of whose parts has a row
    for (const id of rows)
      for (let at = graph.activities.get(id)?.partOf; at !== undefined; at = graph.activities.get(at)?.partOf)
        partRows.add(at);
    const isCovered = (id: string): boolean => {
      if (partRows.has(id)) return true;
      for (let at: string | undefined = id; at !== undefined; at = graph.activities.get(at)?.partOf)
        if (rows.has(at)) return true;
      return false;
    };
    const expected = [...graph.activities.values()].filter(
      (a) => a.essentialFrom && stageReached(organisation.stage, a.essentialFrom) && !isCovered(a.id),
    );
    // A missing broader activity stands for its missing parts: ask for data-pipeline, not also data-ingestion.
    const expectedIds = new Set(expected.map((a) => a.id));
    const missing = expected.filter((a) => {
      for (let at = a.partOf; at !== undefined; at = graph.activities.get(at)?.partOf)
        if (expectedIds.has(at)) return false;
      return true;
    });
    if (missing.length === 0) return;
    const shown = missing.slice(0, 8).map((a) => a.id);
    report({
      node: organisation,
      path: ["stage"],
      subject: "essential-activities",
      weight: missing.length,
      message: `${missing.length} ${missing.length === 1 ? "activity" : "activities"} expected at stage ${organisation.stage} ${missing.length === 1 ? "has" : "have"} no RACI row: ${shown.join(", ")}${missing.length > shown.length ? `, and ${missing.length - shown.length} more` : ""}`,
    });
  },
});
