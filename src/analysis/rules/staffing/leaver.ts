import { describeEntry } from "../../describe.ts";
import { defineRule } from "../../rule.ts";

/** The day `days` after `day` (YYYY-MM-DD). */
const addDays = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

export default defineRule({
  id: "staffing/leaver",
  meta: {
    area: "staffing",
    severity: "warn",
    reads: ["people", "cells"],
    per: "person",
    assesses: ["raci", "people"],
    description:
      "Someone who leaves soon holds no Responsible or Accountable that nobody else holds; from the day they leave they cover nothing.",
    rationale:
      '002: "can your business keep on running without her?" — a departure is an absence without end, and known in advance. 003: project roles end with the project. A leaver who alone is R or A for an activity leaves it with nobody, unless a successor is named before the date.',
    source: '002 "Why you should want a good MLOps team"; 003 Key Project Roles and Responsibilities',
    fix: "Name a successor as R or A before the date (an opening with a start date shows when one arrives), or move the date.",
    options: { days: { default: 60, description: "How many days ahead a departure is reported." } },
    example:
      "people:\n  - { id: ana, name: Ana, roles: [mlops-engineer], leaves: 2026-12-31 }\n  - { id: bo, name: Bo, roles: [data-scientist] }\nraci:\n  - { activity: ci-cd-pipeline, R: ana, A: bo }",
  },
  check({ graph, facts, people, today, options, report }) {
    if (today === "") return;
    const horizon = addDays(today, Number(options.days));
    for (const person of people) {
      const leaves = person.source.leaves;
      if (leaves === undefined || leaves > horizon) continue;
      const alone: string[] = [];
      for (const entry of graph.raci) {
        const row = facts.row(entry);
        for (const letter of ["R", "A"] as const) {
          const holders = letter === "R" ? row.r : row.a;
          if (holders.size === 1 && holders.has(person.id))
            alone.push(`${describeEntry(graph, entry)} (${letter})`);
        }
      }
      if (alone.length === 0) continue;
      report({
        node: person.source,
        path: ["leaves"],
        subject: person.id,
        weight: alone.length,
        message: `${person.name} leaves on ${leaves} and is the only one for ${alone.length === 1 ? "" : `${alone.length} letters: `}${alone.slice(0, 5).join(", ")}${alone.length > 5 ? ", …" : ""}`,
      });
    }
  },
});
