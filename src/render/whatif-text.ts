/** The text of `mlteam whatif`: a scenario compared with the team as it is, and the absence ranking. */
import type { Scenario, WhatIfResult } from "../analysis/whatif.ts";
import type { RankedAbsence } from "../app/what-if.ts";
import type { Colors } from "./colors.ts";

/** A scenario's text: who is away and who is hired, the health change, what loses its R or A, competencies and findings. */
export function renderWhatIfText(r: WhatIfResult, scenario: Scenario, c: Colors): string {
  const lines: string[] = [];
  const who = r.away.map(
    (a) => `${a.name} (${a.id}${a.why === "declared absence" ? ", declared absence" : ""})`,
  );
  const period = scenario.from !== undefined ? ` from ${scenario.from} to ${scenario.to}` : "";
  const hires = r.hires.map(
    (h) => `a new ${h.role}${h.team ? ` in ${h.team}` : ""}${h.opening ? ` (opening ${h.opening})` : ""}`,
  );
  lines.push(
    c.bold(
      `What if ${[who.length ? `${who.join(", ")} ${who.length === 1 ? "is" : "are"} away${period}` : "", hires.length ? `we hire ${hires.join(", ")}` : ""].filter(Boolean).join(" and ")}?`,
    ),
  );
  if (r.away.length === 0 && scenario.from !== undefined)
    lines.push(c.dim(`  nobody has a declared absence${period}`));
  const delta = r.after.overall - r.before.overall;
  const sign = delta > 0 ? c.green(`+${delta}`) : delta < 0 ? c.red(String(delta)) : "±0";
  lines.push("", `${c.bold("Health")} ${r.before.overall} → ${r.after.overall} (${sign})`);
  const areas = Object.keys(r.after.areas)
    .filter((a) => r.after.areas[a] !== r.before.areas[a])
    .map((a) => `${a} ${r.before.areas[a] ?? 100} → ${r.after.areas[a]}`);
  if (areas.length) lines.push(`  ${areas.join(" · ")}`);
  lines.push("", c.bold(`Activities that lose their Responsible or Accountable (${r.lostCoverage.length})`));
  for (const l of r.lostCoverage)
    lines.push(`  ${l.activity}${l.product ? ` [${l.product}]` : ""}: no ${l.letters.join(", no ")}`);
  lines.push("", c.bold(`Competencies lost at working level (${r.competenciesLost.length})`));
  for (const l of r.competenciesLost) lines.push(`  ${l.competency}: best level ${l.before} → ${l.after}`);
  lines.push("", c.bold(`Findings that appear (${r.appeared.length})`));
  for (const f of r.appeared) lines.push(`  ${f.severity.padEnd(5)}  ${f.message}  ${c.dim(f.ruleId)}`);
  lines.push("", c.bold(`Findings that disappear (${r.disappeared.length})`));
  for (const f of r.disappeared) lines.push(`  ${f.severity.padEnd(5)}  ${f.message}  ${c.dim(f.ruleId)}`);
  lines.push("", c.bold(`Findings that change (${r.changed.length})`));
  for (const { before, after } of r.changed) {
    lines.push(
      `  ${after.severity.padEnd(5)}  ${after.message}  ${c.dim(after.ruleId)}`,
      c.dim(`         was: ${before.message}`),
    );
  }
  return lines.join("\n");
}

/** The ranking's text: who the team can least do without, with the first reasons. */
export function renderRankingText(ranking: RankedAbsence[], total: number, c: Colors): string {
  const lines = [
    c.bold(
      `Who the team can least do without (top ${ranking.length} of ${total}; damage in points, see docs/whatif.md)`,
    ),
    "",
  ];
  ranking.forEach((r, i) => {
    const delta =
      r.scoreDelta !== undefined ? c.dim(` health ${r.scoreDelta === 0 ? "±0" : r.scoreDelta}`) : "";
    lines.push(`${String(i + 1).padStart(3)}. ${c.bold(r.name)} (${r.person})  ${r.damage} points${delta}`);
    for (const reason of r.reasons.slice(0, 3))
      lines.push(`       ${c.dim(`+${reason.points}`)} ${reason.text}`);
    if (r.reasons.length > 3) lines.push(c.dim(`       … and ${r.reasons.length - 3} more`));
  });
  return lines.join("\n");
}
