import type { Command } from "commander";
import type { Recommendation } from "../../analysis/recommend.ts";
import { InputError } from "../../app/errors.ts";
import type { Colors } from "../../render/colors.ts";
import { out, stdoutColors } from "../io.ts";
import { DEFAULT_MODEL, format, MODEL_ARG } from "../options.ts";

export interface RecommendOptions {
  hires: string;
  format: "text" | "json";
}

/** `mlteam recommend`: the topology that fits, the next hires and who to train. */
export async function recommendCommand(modelPath: string, options: RecommendOptions): Promise<void> {
  const { recommend } = await import("../../analysis/recommend.ts");
  const { RULES } = await import("../../analysis/rules/index.ts");
  const { CATALOG } = await import("../../catalog/index.ts");
  const { checkValidModel } = await import("../load.ts");
  const hires = Number.parseInt(options.hires, 10);
  if (!Number.isInteger(hires) || hires < 0)
    throw new InputError(`--hires must be a whole number ≥ 0, got "${options.hires}"`);
  const { model, graph, environment } = await checkValidModel(modelPath);
  const result = recommend(model, graph, CATALOG, RULES, environment, { hires });
  out(
    options.format === "json"
      ? JSON.stringify(result, null, 2)
      : render(result, stdoutColors(), new Map(RULES.map((rule) => [rule.id, rule.meta.source]))),
  );
}

function render(r: Recommendation, c: Colors, sources: ReadonlyMap<string, string>): string {
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
  lines.push("", c.bold("Next hires"));
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

/** `mlteam recommend`: its flags and help, beside what it does. */
export function register(program: Command): void {
  program
    .command("recommend")
    .description("the topology that fits, the next hires (greedy) and who to train")
    .argument("[model]", MODEL_ARG, DEFAULT_MODEL)
    .option("--hires <n>", "how many hires to plan at most", "3")
    .addOption(format(["text", "json"], "text"))
    .addHelpText(
      "after",
      `
Topology: the one of 001 §3.3 that the organisation's stage and number of ML products point to,
with the facts that lead there. Next hires: each step adds the one role that clears the most
weighted findings (error 15, warn 5, info 1), and says which. Upskilling: for each competency
that fewer than two people hold at the level the RACI needs, the people closest to it.
Examples:
  mlteam recommend examples/meghan-story
  mlteam recommend --hires 5 --format json`,
    )
    .action(async (model: string, options) => recommendCommand(model, options));
}
