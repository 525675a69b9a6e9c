/** The CSV of `mlteam history`: one row per commit, the score and each area's, the counts, what appeared and disappeared. */
import { stringify } from "csv-stringify/sync";
import type { HistoryPoint } from "../app/history.ts";

export function renderHistoryCsv(points: HistoryPoint[]): string {
  const areas = [...new Set(points.flatMap((p) => Object.keys(p.areas ?? {})))];
  const header = [
    "commit",
    "date",
    "author",
    "valid",
    "score",
    "coverage",
    ...areas,
    "errors",
    "warnings",
    "info",
    "people",
    "appeared",
    "disappeared",
  ];
  const rows = points.map((p) => [
    p.commit,
    p.date,
    p.author,
    p.valid,
    p.score,
    p.coverage,
    ...areas.map((a) => p.areas?.[a]),
    p.counts.error,
    p.counts.warn,
    p.counts.info,
    p.people,
    p.appeared.join(" "),
    p.disappeared.join(" "),
  ]);
  // Booleans as true/false (the library writes 1 and an empty cell by default).
  return stringify([header, ...rows], { cast: { boolean: (value) => String(value) } });
}
