/** The text of `mlteam history`: the model's health at every commit, with what appeared and disappeared. */
import type { HistoryPoint } from "../app/history.ts";
import type { Colors } from "./colors.ts";

export function renderHistoryText(points: HistoryPoint[], c: Colors): string {
  if (points.length === 0) return "No commit changed the model in that range.";
  const lines = [
    c.bold(`The model over ${points.length} ${points.length === 1 ? "commit" : "commits"} (oldest first)`),
    "",
  ];
  let last: number | undefined;
  for (const p of points) {
    const score =
      p.score === undefined
        ? c.red("invalid")
        : `${String(p.score).padStart(3)}${last !== undefined && p.score !== last ? c.dim(` (${p.score > last ? "+" : ""}${p.score - last})`) : ""}`;
    lines.push(
      `${p.date.slice(0, 10)}  ${p.commit.slice(0, 10)}  ${score.padEnd(12)}  ${p.valid ? `${p.counts.error}E ${p.counts.warn}W ${p.counts.info}I` : "        "}  ${p.people} people  ${c.dim(p.author)}`,
    );
    if (p.diagnostics?.length)
      lines.push(
        `    ${c.red("✖")} ${p.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.message}`).join("; ")}`,
      );
    if (p.appeared.length) lines.push(`    ${c.red("+")} ${summarise(p.appeared)}`);
    if (p.disappeared.length) lines.push(`    ${c.green("−")} ${summarise(p.disappeared)}`);
    if (p.score !== undefined) last = p.score;
  }
  return lines.join("\n");
}

function summarise(ruleIds: string[]): string {
  const counts = new Map<string, number>();
  for (const id of ruleIds) counts.set(id, (counts.get(id) ?? 0) + 1);
  return [...counts].map(([id, n]) => (n > 1 ? `${id} ×${n}` : id)).join(", ");
}
