import { stageReached } from "../../facts.ts";
import { defineRule } from "../../rule.ts";

export default defineRule({
  id: "raci/essential-activity-missing",
  meta: {
    area: "raci",
    severity: "warn",
    description: "Every activity the catalog expects at the organisation's stage has a RACI row.",
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
    const missing = [...graph.activities.values()].filter(
      (a) =>
        a.essentialFrom &&
        stageReached(organisation.stage, a.essentialFrom) &&
        !graph.raciByActivity.has(a.id),
    );
    if (missing.length === 0) return;
    const shown = missing.slice(0, 8).map((a) => a.id);
    report({
      node: organisation,
      path: ["stage"],
      subject: "essential-activities",
      message: `${missing.length} ${missing.length === 1 ? "activity" : "activities"} expected at stage ${organisation.stage} ${missing.length === 1 ? "has" : "have"} no RACI row: ${shown.join(", ")}${missing.length > shown.length ? `, and ${missing.length - shown.length} more` : ""}`,
    });
  },
});
