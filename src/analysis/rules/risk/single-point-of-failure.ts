import { activityRisks } from "../../activity-risk.ts";
import { describeEntry } from "../../describe.ts";
import { nameOf } from "../../facts.ts";
import { defineRule } from "../../rule.ts";

const label = (e: { activity: string; product?: string | undefined }) =>
  e.activity + (e.product ? ` [${e.product}]` : "");

export default defineRule({
  id: "risk/single-point-of-failure",
  meta: {
    area: "risk",
    severity: "warn",
    reads: ["people", "skilled", "members", "cells"],
    assesses: ["raci", "people"],
    replaces: ["raci/uncovered", "risk/no-backup"],
    description:
      "No activity has nobody to do it or answer for it, and none rests on one person with nobody assigned or skilled to step in. One finding per person, and one per activity with nobody.",
    rationale:
      '002 opens with "Meghan is our MLOps girl" and asks whether the business can keep running without her: she might need a holiday too. An activity whose R or A stands for nobody is not done; one whose every R and A is the same person stops when they do, unless someone else has the skills (recorded levels at the activity\'s needs) to step in. For production-critical work (CI/CD, deployment, monitoring, data pipelines) with a product in production — where a failure can idle a distribution centre — it is an error. Leadership activities (roadmap, backlog) belong to one person by design (002) and are not reported.',
    source: '002 "Why you should want a good MLOps team"; 001 §3.4',
    fix: "Make a second person Responsible (or Accountable), or train someone to the activity's levels (see `mlteam catalog activities <id>`); for an activity with nobody, give the role to someone.",
    example:
      "people:\n  - { id: meghan, name: Meghan, roles: [mlops-engineer] }\nraci:\n  - { activity: ci-cd-pipeline, R: meghan, A: meghan }",
  },
  check({ graph, today, report }) {
    const risks = activityRisks(graph);
    for (const { entry, critical, missing } of risks.uncovered) {
      const first = entry.cells.find((c) => c.letter === missing[0]);
      report({
        node: entry.source,
        path: first?.path ?? ["activity"],
        subject: entry.activity,
        // Nobody at all is worse than one person: it counts twice, so losing the one person always
        // costs, and bringing someone in always helps.
        weight: 2,
        ...(critical ? { severity: "error" as const } : {}),
        message: `${describeEntry(graph, entry)} has nobody ${missing.map((l) => (l === "R" ? "to do the work (R)" : "to answer for it (A)")).join(" and nobody ")}${critical ? " — production-critical, with a product in production" : ""}`,
      });
    }
    for (const [person, rows] of risks.restsOn) {
      const node = graph.people.get(person);
      const critical = rows.filter((r) => r.critical).length;
      const names = rows.map(
        (r) => label(r.entry) + (r.critical && critical < rows.length ? " (production-critical)" : ""),
      );
      const stakes =
        critical === 0
          ? ""
          : critical === rows.length
            ? ` — ${rows.length === 1 ? "production-critical" : "all production-critical"}, with a product in production`
            : " — with a product in production";
      const away = (node?.source.absences ?? []).filter((a) => today === "" || a.to >= today);
      report({
        node: node?.source ?? (rows[0]?.entry.source as object),
        path: node ? ["id"] : ["activity"],
        subject: person,
        weight: rows.length,
        ...(critical > 0 ? { severity: "error" as const } : {}),
        message: `${rows.length} ${rows.length === 1 ? "activity rests" : "activities rest"} on ${nameOf(graph, person)} alone, with nobody assigned or skilled to step in: ${names.slice(0, 6).join(", ")}${names.length > 6 ? `, and ${names.length - 6} more` : ""}${stakes}${away.length > 0 ? `; ${nameOf(graph, person)} is away ${away.map((a) => `${a.from} – ${a.to}`).join(", ")}` : ""}`,
      });
    }
  },
});
