import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Command } from "commander";
import type { Scenario, WhatIfResult } from "../../analysis/whatif.ts";
import { InputError } from "../../app/errors.ts";
import type { RankedAbsence } from "../../app/what-if.ts";
import type { Colors } from "../../render/colors.ts";
import { out, stdoutColors } from "../io.ts";
import { DEFAULT_MODEL, format, MODEL_ARG } from "../options.ts";

export interface WhatIfOptions {
  without?: string[];
  from?: string;
  to?: string;
  add?: string[];
  rank?: boolean;
  top: string;
  format: "text" | "json";
}

/** `mlteam whatif`: the team with people away or hypothetical hires, or everyone ranked by the damage of their absence. */
export async function whatif(modelPath: string, options: WhatIfOptions): Promise<void> {
  const { rankTeamAbsences, runWhatIf } = await import("../../app/what-if.ts");
  const { checkValidModel } = await import("../load.ts");
  const c = stdoutColors();
  // `--without ann path/mlteam.yaml` reads the path as a second person (the option takes every word after it).
  for (const [flag, values] of [
    ["--without", options.without],
    ["--add", options.add],
  ] as const) {
    const path = values?.find((v) => /[/\\]|\.ya?ml$/i.test(v) || existsSync(join(v, "mlteam.yaml")));
    if (path !== undefined)
      throw new InputError(
        `"${path}" was read as part of ${flag}, which takes every word after it: put the model first (mlteam whatif ${path} ${flag} …) or end the list with --`,
      );
  }
  if (options.rank) {
    const top = Number(options.top);
    if (!/^\d+$/.test(options.top) || top < 1)
      throw new InputError(`--top must be a whole number ≥ 1, got "${options.top}"`);
    const { ranking, total } = rankTeamAbsences(await checkValidModel(modelPath), top);
    out(options.format === "json" ? JSON.stringify({ ranking }, null, 2) : renderRanking(ranking, total, c));
    return;
  }
  const scenario: Scenario = {
    ...(options.without ? { without: options.without } : {}),
    ...(options.add ? { add: options.add } : {}),
    ...(options.from !== undefined ? { from: options.from } : {}),
    ...(options.to !== undefined ? { to: options.to } : {}),
  };
  if (!scenario.without?.length && !scenario.add?.length && scenario.from === undefined) {
    throw new InputError(
      "say what to change: --without <person…>, --from/--to <dates>, --add <role…>, or --rank",
    );
  }
  const result = runWhatIf(await checkValidModel(modelPath), scenario);
  out(options.format === "json" ? JSON.stringify(result, null, 2) : renderWhatIf(result, scenario, c));
}

function renderWhatIf(r: WhatIfResult, scenario: Scenario, c: Colors): string {
  const lines: string[] = [];
  const who = r.away.map(
    (a) => `${a.name} (${a.id}${a.why === "declared absence" ? ", declared absence" : ""})`,
  );
  const period = scenario.from !== undefined ? ` from ${scenario.from} to ${scenario.to}` : "";
  const hires = r.hires.map((h) =>
    h.opening ? `a new ${h.role} (opening ${h.opening})` : `a new ${h.role}`,
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

function renderRanking(ranking: RankedAbsence[], total: number, c: Colors): string {
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

/** `mlteam whatif`: its flags and help, beside what it does. */
export function register(program: Command): void {
  program
    .command("whatif")
    .description(
      "see what happens if people are away or you hire, or rank everyone by the damage of their absence",
    )
    .argument("[model]", MODEL_ARG, DEFAULT_MODEL)
    .option("-w, --without <person...>", "people who are away (ids)")
    .option(
      "--from <date>",
      "start of the period (YYYY-MM-DD); declared absences in it count, and openings started by then are hires",
    )
    .option("--to <date>", "end of the period (YYYY-MM-DD)")
    .option("-a, --add <role...>", "hypothetical hires, one per role id")
    .option("--rank", "rank every person by the damage their absence does")
    .option("--top <n>", "with --rank: how many to show", "10")
    .addOption(format(["text", "json"], "text"))
    .addHelpText(
      "after",
      `
Shows how the health score changes, which activities lose their Responsible or Accountable, which
competencies the team loses at working level, and the findings that appear and disappear.
Exit 0 (the scenario is information, not a failure) or 2 on invalid input.
Examples:
  mlteam whatif examples/meghan-story --without meghan
  mlteam whatif --from 2026-12-20 --to 2027-01-05          # declared absences in that period
  mlteam whatif --without meghan --add mlops-engineer       # and if we hire a backup?
  mlteam whatif --rank --top 5`,
    )
    .action(async (model: string, options) => whatif(model, options));
}
