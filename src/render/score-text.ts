import { titleMatchesOf } from "../analysis/facts.ts";
import { AREA_WEIGHTS, RULE_FLOOR, type Score, SEVERITY_COST } from "../analysis/score.ts";
import type { TeamGraph } from "../graph/types.ts";
import { type Colors, plain } from "./colors.ts";

const paint = (c: Colors, value: number, text: string) =>
  value >= 80 ? c.green(text) : value >= 50 ? c.yellow(text) : c.red(text);
const percent = (x: number) => `${Math.round(x * 100)} %`;

/** "Health 62/100 (coverage 90 %) — risk 70 · leadership 55 · …", and what the model does not record. */
export function renderScoreLine(score: Score, c: Colors = plain): string {
  const areas = Object.entries(score.areas).map(
    ([area, value]) => `${area} ${paint(c, value, String(value))}`,
  );
  const lines = [
    `${c.bold("Health")} ${paint(c, score.overall, `${score.overall}/100`)} ${c.dim(`(coverage ${score.coverage.overall} %)`)} — ${areas.join(" · ")}`,
  ];
  if (score.coverage.missing.length > 0)
    lines.push(c.dim(`Not recorded, so counted against the score: ${score.coverage.missing.join("; ")}.`));
  return lines.join("\n");
}

/** What each rule costs, for `doctor --explain`, then the roles the check took from job titles (when `graph` has any). */
export function renderScoreExplanation(score: Score, c: Colors = plain, graph?: TeamGraph): string {
  const lines = [
    c.bold("How the score is made (docs/score.md)"),
    `  Each finding takes ${percent(SEVERITY_COST.error)} (error), ${percent(SEVERITY_COST.warn)} (warn) or ${percent(SEVERITY_COST.info)} (info) of what its rule still vouches for;`,
    `  a rule leaves at least ${RULE_FLOOR} of its area, and a rule that assesses what the model does not record counts as that low.`,
    "  An area scores 100 × its rules' factors; the overall score weighs the areas:",
    `  ${Object.keys(score.areas)
      .map((a) => `${a} ${AREA_WEIGHTS[a] ?? 5}`)
      .join(" · ")}.`,
    "  Each −N is what the overall score would gain if that rule alone took nothing; rules multiply, so",
    "  the figures overlap and do not add up to 100 minus the score.",
    "",
  ];
  for (const [area, value] of Object.entries(score.areas)) {
    const costs = score.costs.filter((k) => k.area === area);
    lines.push(
      `  ${area.padEnd(11)} ${String(value).padStart(3)}${costs.length === 0 ? c.dim("  (nothing taken)") : ""}`,
    );
    for (const k of costs) {
      const unassessed =
        k.assessed < 1 ? c.dim(` (${percent(1 - k.assessed)} of what it reads is not recorded)`) : "";
      lines.push(
        `    ×${k.factor.toFixed(2)}  ${k.ruleId}${k.findings ? ` × ${k.findings}` : ""}${unassessed}  ${c.dim(`−${k.cost} overall`)}`,
      );
    }
  }
  lines.push(
    "",
    `  coverage ${score.coverage.overall} %: how much of what the rules assess the model records${score.coverage.missing.length ? ` (missing: ${score.coverage.missing.join("; ")})` : ""}`,
  );
  const fromTitles = graph ? titleMatchesOf(graph) : [];
  if (fromTitles.length > 0) {
    lines.push(
      "",
      c.bold("Roles from titles"),
      "  Held by people with no recorded roles; a title never makes a sponsor, an evangelist or an Accountable.",
      ...fromTitles.map((m) => `  ${m.name} (${m.person}): "${m.title}" → ${m.role}`),
    );
  }
  return lines.join("\n");
}
