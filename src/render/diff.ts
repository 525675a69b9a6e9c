/** What a change does to the team, as text and as a pull-request comment in Markdown. */

import type { Finding } from "../analysis/rule.ts";
import type { ModelDiff } from "../app/diff.ts";
import { type Colors, plain } from "./colors.ts";
import { plural } from "./verdict.ts";

const signed = (n: number) => (n > 0 ? `+${n}` : n < 0 ? String(n) : "±0");
const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
const where = (f: Finding) => `${f.location.file}:${f.location.line}:${f.location.column}`;

/** The one-line summary both formats start with. */
export function diffSummary(d: ModelDiff): string {
  const errors = d.added.filter((f) => f.severity === "error").length;
  const parts = [
    `health ${d.score.before} → ${d.score.after} (${signed(d.score.after - d.score.before)})`,
    `${plural(d.added.length, "finding", "findings")} added${errors ? ` (${plural(errors, "error", "errors")})` : ""}`,
    `${d.resolved.length} resolved`,
  ];
  if (d.changed.length) parts.push(`${d.changed.length} changed`);
  if (d.raci.length) parts.push(plural(d.raci.length, "RACI cell changed", "RACI cells changed"));
  if (d.people.length) parts.push(plural(d.people.length, "person changed", "people changed"));
  return parts.join(" · ");
}

export function renderDiffText(d: ModelDiff, c: Colors = plain): string {
  const lines = [c.bold(`${d.base} → ${d.head}: ${diffSummary(d)}`), ""];
  const areas = Object.entries(d.areas).filter(([, v]) => v.before !== v.after);
  if (areas.length) lines.push(`  ${areas.map(([a, v]) => `${a} ${v.before} → ${v.after}`).join(" · ")}`, "");
  const list = (title: string, findings: Finding[], mark: string) => {
    if (!findings.length) return;
    lines.push(c.bold(`${title} (${findings.length})`));
    for (const f of findings)
      lines.push(`  ${mark} ${f.severity.padEnd(5)}  ${f.message}  ${c.dim(`${f.ruleId} ${where(f)}`)}`);
    lines.push("");
  };
  list("Findings added", d.added, c.red("+"));
  list("Findings resolved", d.resolved, c.green("−"));
  if (d.changed.length) {
    lines.push(c.bold(`Findings changed (${d.changed.length})`));
    for (const { before, after } of d.changed)
      lines.push(
        `  ~ ${after.severity.padEnd(5)}  ${after.message}  ${c.dim(after.ruleId)}`,
        c.dim(`           was: ${before.message}`),
      );
    lines.push("");
  }
  if (d.raci.length) {
    lines.push(c.bold(`RACI cells (${d.raci.length})`));
    for (const r of d.raci)
      lines.push(
        `  ${r.activity}${r.product ? ` [${r.product}]` : ""} × ${r.column}: ${r.before || "–"} → ${r.after || "–"}`,
      );
    lines.push("");
  }
  if (d.people.length) {
    lines.push(c.bold(`People (${d.people.length})`));
    for (const p of d.people) lines.push(`  ${p.change.padEnd(7)} ${p.name} (${p.id}): ${p.detail}`);
    lines.push("");
  }
  if (d.ranking.length) {
    lines.push(c.bold("Who the team can least do without"));
    for (const r of d.ranking)
      lines.push(`  ${r.name}'s absence now costs ${r.after} instead of ${r.before} points`);
  }
  return lines.join("\n").trimEnd();
}

/** The hidden line a CI job looks for to update its one comment instead of adding another. */
export const DIFF_MARKER = "<!-- mlteam-diff -->";

/** A pull-request comment: the summary line, then collapsible sections. */
export function renderDiffMarkdown(d: ModelDiff): string {
  const errors = d.added.filter((f) => f.severity === "error").length;
  const icon = errors > 0 ? "🔴" : d.added.length > 0 ? "🟠" : "✅";
  const lines = [
    `### mlteam diff — ${cell(d.base)} → ${cell(d.head)}`,
    "",
    `${icon} **${cell(diffSummary(d))}**`,
    "",
  ];
  const areas = Object.entries(d.areas).filter(([, v]) => v.before !== v.after);
  if (areas.length) lines.push(areas.map(([a, v]) => `${a} ${v.before} → ${v.after}`).join(" · "), "");
  const section = (title: string, rows: string[], open = false) => {
    if (!rows.length) return;
    lines.push(
      `<details${open ? " open" : ""}><summary>${title} (${rows.length})</summary>`,
      "",
      ...rows,
      "",
      "</details>",
      "",
    );
  };
  const findingRow = (f: Finding) =>
    `- **${f.severity}** ${cell(f.message)} — \`${f.ruleId}\` at \`${cell(where(f))}\``;
  section("Findings added", d.added.map(findingRow), errors > 0);
  section("Findings resolved", d.resolved.map(findingRow));
  section(
    "Findings changed",
    d.changed.map(
      ({ before, after }) =>
        `- **${after.severity}** ${cell(after.message)} (was: ${cell(before.message)}) — \`${after.ruleId}\``,
    ),
  );
  section(
    "RACI cells",
    d.raci.map(
      (r) =>
        `- ${cell(r.activity)}${r.product ? ` [${cell(r.product)}]` : ""} × ${cell(r.column)}: ${r.before || "–"} → ${r.after || "–"}`,
    ),
  );
  section(
    "People",
    d.people.map((p) => `- ${p.change} **${cell(p.name)}** (${cell(p.id)}): ${cell(p.detail)}`),
  );
  section(
    "Absence ranking",
    d.ranking.map((r) => `- ${cell(r.name)}'s absence now costs ${r.after} instead of ${r.before} points`),
  );
  lines.push("<sub>Generated by `mlteam diff`.</sub>");
  return lines.join("\n");
}
