import { didYouMean, quote } from "../../../model/suggest.ts";
import { describeEntry } from "../../describe.ts";
import { backupsOf, nameOf } from "../../facts.ts";
import { defineRule } from "../../rule.ts";

/** The lowest recorded level that counts as some skill in a competency (2, basic). */
const SOME_SKILL = 2;

export default defineRule({
  id: "raci/unproven-backup",
  meta: {
    area: "raci",
    severity: "warn",
    reads: ["people", "cells"],
    assesses: ["raci"],
    description:
      "Each backup a RACI row declares (`backup:`) is a person of the model, still there, who has done some of the activity's work (git evidence) or holds some of the skill it needs.",
    rationale:
      "002 asks whether the business can keep running without Meghan; a row's `backup:` is the team's own answer to who could take over. A backup who has never changed or reviewed the activity's files and holds none of its competencies is a name, not a plan: the day they are needed they start from nothing. Setting what the team declares beside what git shows (001 §3.4) tells a real backup from a hopeful one.",
    source: '002 "Why you should want a good MLOps team"; 001 §3.4',
    fix: "Name as backup someone who works on the activity, or pair the backup on its next changes; record the levels they hold in its competencies, or plan their training (`development:`).",
    example:
      "people:\n  - { id: ana, name: Ana, roles: [mlops-engineer], skills: { cloud-devops: 4 } }\n  - { id: bo, name: Bo, roles: [data-scientist], skills: { statistics-ml: 3 } }\nraci:\n  - { activity: ci-cd-pipeline, R: ana, A: ana, backup: bo }",
  },
  check({ graph, facts, evidence, today, report }) {
    // Not split per row: a backup is named outside the row's cells, and may be the one away.
    for (const entry of graph.raci) {
      if (entry.source.backup === undefined) continue;
      const backups = backupsOf(entry.source);
      if (backups.length === 0) continue;
      const holders = facts.row(entry).ra;
      const needed = Object.entries(graph.activities.get(entry.activity)?.competencies ?? {});
      const measured = evidence?.activities.find((a) => a.activity === entry.activity);
      backups.forEach((id, index) => {
        const at = {
          node: entry.source,
          path: Array.isArray(entry.source.backup) ? ["backup", index] : ["backup"],
          subject: entry.activity,
        };
        const what = `a declared backup for ${describeEntry(graph, entry)}`;
        if (!graph.names.has(id)) {
          report({
            ...at,
            severity: "error",
            message: `${quote(id)}, ${what}, is not a person of the model${didYouMean(id, graph.names.keys())}`,
          });
          return;
        }
        const person = graph.people.get(id);
        const left = facts.personSource(id)?.leaves;
        if (!person) {
          if (left !== undefined && today !== "" && left <= today)
            report({ ...at, message: `${nameOf(graph, id)}, ${what}, has left (on ${left})` });
          return; // away in a what-if: the backup is still the team's answer
        }
        if (holders.has(id) || needed.length === 0) return;
        const worked = measured?.contributors.some(
          (c) => c.person && c.id === id && (c.authored > 0 || c.changes > 0 || c.reviews > 0),
        );
        if (worked) return;
        if (needed.some(([competency]) => (person.skills[competency] ?? 0) >= SOME_SKILL)) return;
        const levels = needed.map(
          ([c, level]) => `${c} ${person.source.skills?.[c] ?? "not recorded"}/${level}`,
        );
        report({
          ...at,
          message: `${person.name} is ${what} but holds none of its competencies (${levels.join(", ")})${
            evidence
              ? measured
                ? " and never changed or reviewed its files"
                : ", and none of its files are in the listed repositories"
              : " (no git evidence gathered)"
          }`,
        });
      });
    }
  },
});
