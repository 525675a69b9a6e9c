import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Command } from "commander";
import type { Scenario } from "../../analysis/whatif.ts";
import { InputError } from "../../app/errors.ts";
import { out, stdoutColors } from "../io.ts";
import { DEFAULT_MODEL_FILE, format, MODEL_ARG } from "../options.ts";

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
  const { renderRankingText, renderWhatIfText } = await import("../../render/whatif-text.ts");
  const c = stdoutColors();
  // `--without ann path/mlteam.yaml` reads the path as a second person (the option takes every word after it).
  for (const [flag, values] of [
    ["--without", options.without],
    ["--add", options.add],
  ] as const) {
    const path = values?.find((v) => /[/\\]|\.ya?ml$/i.test(v) || existsSync(join(v, DEFAULT_MODEL_FILE)));
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
    out(
      options.format === "json" ? JSON.stringify({ ranking }, null, 2) : renderRankingText(ranking, total, c),
    );
    return;
  }
  const scenario: Scenario = {
    ...(options.without ? { without: options.without } : {}),
    ...(options.add ? { add: options.add } : {}),
    ...(options.from !== undefined ? { from: options.from } : {}),
    ...(options.to !== undefined ? { to: options.to } : {}),
  };
  const result = runWhatIf(await checkValidModel(modelPath), scenario);
  out(options.format === "json" ? JSON.stringify(result, null, 2) : renderWhatIfText(result, scenario, c));
}

/** `mlteam whatif`: its flags and help, beside what it does. */
export function register(program: Command): void {
  program
    .command("whatif")
    .description(
      "see what happens if people are away or you hire, or rank everyone by the damage of their absence",
    )
    .argument("[model]", MODEL_ARG, DEFAULT_MODEL_FILE)
    .option("-w, --without <person...>", "people who are away (ids)")
    .option(
      "--from <date>",
      "start of the period (YYYY-MM-DD); declared absences in it count, and openings started by then are hires",
    )
    .option("--to <date>", "end of the period (YYYY-MM-DD)")
    .option(
      "-a, --add <role...>",
      "hypothetical hires, one per role id; ROLE@TEAM places the new person in that team (its team-scoped rows and checks count them)",
    )
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
  mlteam whatif --add data-engineer@fraud                   # a hire placed in the fraud team
  mlteam whatif --rank --top 5`,
    )
    .action(async (model: string, options) => whatif(model, options));
}
