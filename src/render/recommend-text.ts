/** The text of `mlteam recommend`: the topology that fits, the next hires with what each clears, and who to train. */
import type { Recommendation } from "../analysis/recommend.ts";
import type { Colors } from "./colors.ts";

export function renderRecommendationText(
  r: Recommendation,
  c: Colors,
  sources: ReadonlyMap<string, string>,
): string {
  const lines: string[] = [];
  lines.push(c.bold("Topology"));
  if (!r.topology) lines.push("  (the model has no organisation stage to go on)");
  else {
    const { topology, alternatives, facts, declared } = r.topology;
    const fitting = [topology, ...alternatives];
    const verdict =
      declared === undefined
        ? ""
        : fitting.some((t) => t.id === declared)
          ? c.green(` — ${declared} as declared fits`)
          : c.yellow(` — the model declares ${declared}`);
    lines.push(`  ${fitting.map((t) => `${c.bold(t.name)} (${t.id})`).join(" or ")}${verdict}`);
    for (const t of fitting) lines.push(`  ${t.summary}`);
    for (const fact of facts) lines.push(`  · ${fact}`);
  }
  lines.push("", c.bold(`Next hires${r.team !== undefined ? ` in team ${r.team}` : ""}`));
  if (r.hires.length === 0) lines.push("  No single hire reduces the findings; see the doctor's fixes.");
  r.hires.forEach((h, i) => {
    lines.push(
      `  ${i + 1}. ${c.bold(h.role)}: weighted findings ${h.before} → ${h.after}, health ${h.scoreBefore} → ${h.scoreAfter}`,
    );
    for (const f of h.cleared.slice(0, 4))
      lines.push(
        `     ${c.green("−")} ${f.message} ${c.dim(`${f.ruleId} · ${sources.get(f.ruleId) ?? ""}`)}`,
      );
    if (h.cleared.length > 4) lines.push(c.dim(`     … and ${h.cleared.length - 4} more cleared`));
    for (const f of h.eased.slice(0, 2))
      lines.push(`     ${c.yellow("~")} now: ${f.message} ${c.dim(f.ruleId)}`);
    for (const f of h.added.slice(0, 2)) lines.push(`     ${c.red("+")} ${f.message} ${c.dim(f.ruleId)}`);
  });
  lines.push("", c.bold("Upskilling"));
  if (r.upskilling.length === 0)
    lines.push("  Every competency the RACI needs has two people at working level.");
  for (const u of r.upskilling) {
    const who = u.candidates.length
      ? u.candidates.map((p) => `${p.name} (${p.level}/${u.target})`).join(", ")
      : "nobody has started: hire or get outside help";
    lines.push(`  ${c.bold(u.competency)}: ${u.why}`, `     closest: ${who}`);
  }
  return lines.join("\n");
}
