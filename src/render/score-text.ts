import type { Score } from "../analysis/score.ts";
import { RULE_CAP, SEVERITY_COST } from "../analysis/score.ts";
import { type Colors, plain } from "./colors.ts";

const paint = (c: Colors, value: number, text: string) =>
  value >= 80 ? c.green(text) : value >= 50 ? c.yellow(text) : c.red(text);

/** "Health 62/100 — raci 70 · staffing 55 · …" */
export function renderScoreLine(score: Score, c: Colors = plain): string {
  const areas = Object.entries(score.areas).map(
    ([area, value]) => `${area} ${paint(c, value, String(value))}`,
  );
  return `${c.bold("Health")} ${paint(c, score.overall, `${score.overall}/100`)} — ${areas.join(" · ")}`;
}

/** What each rule costs, for `doctor --explain`. */
export function renderScoreExplanation(score: Score, c: Colors = plain): string {
  const lines = [
    c.bold("How the score is made"),
    `  Each finding costs ${SEVERITY_COST.error} (error), ${SEVERITY_COST.warn} (warn) or ${SEVERITY_COST.info} (info); a rule costs its area at most ${RULE_CAP}.`,
    "  An area scores 100 minus its rules' costs (at least 0); the overall score is the mean of the areas.",
    "",
  ];
  for (const [area, value] of Object.entries(score.areas)) {
    const costs = score.costs.filter((k) => k.area === area);
    lines.push(
      `  ${area.padEnd(11)} ${String(value).padStart(3)}${costs.length === 0 ? c.dim("  (no findings)") : ""}`,
    );
    for (const k of costs) {
      const capped = k.raw > k.cost ? c.dim(` (${k.raw}, capped)`) : "";
      lines.push(`    −${String(k.cost).padStart(2)}  ${k.ruleId} × ${k.findings}${capped}`);
    }
  }
  lines.push("", `  overall ${score.overall} = mean of ${Object.keys(score.areas).length} areas`);
  return lines.join("\n");
}
