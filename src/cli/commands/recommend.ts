import type { Command } from "commander";
import { InputError } from "../../app/errors.ts";
import { out, stdoutColors } from "../io.ts";
import { DEFAULT_MODEL_FILE, format, MODEL_ARG } from "../options.ts";

export interface RecommendOptions {
  hires: string;
  team?: string;
  format: "text" | "json";
}

/** `mlteam recommend`: the topology that fits, the next hires and who to train. */
export async function recommendCommand(modelPath: string, options: RecommendOptions): Promise<void> {
  const { recommendForTeam } = await import("../../app/recommend.ts");
  const { renderRecommendationText } = await import("../../render/recommend-text.ts");
  const { checkValidModel } = await import("../load.ts");
  const hires = Number.parseInt(options.hires, 10);
  if (!Number.isInteger(hires) || hires < 0)
    throw new InputError(`--hires must be a whole number ≥ 0, got "${options.hires}"`);
  const { result, sources } = recommendForTeam(await checkValidModel(modelPath), hires, options.team);
  out(
    options.format === "json"
      ? JSON.stringify(result, null, 2)
      : renderRecommendationText(result, stdoutColors(), sources),
  );
}

/** `mlteam recommend`: its flags and help, beside what it does. */
export function register(program: Command): void {
  program
    .command("recommend")
    .description("the topology that fits, the next hires (greedy) and who to train")
    .argument("[model]", MODEL_ARG, DEFAULT_MODEL_FILE)
    .option("--hires <n>", "how many hires to plan at most", "3")
    .option(
      "--team <id>",
      "place the hires in this team and count only what it (and the teams it serves or that serve it) gains",
    )
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
  mlteam recommend --hires 5 --format json
  mlteam recommend examples/central-platform --team ds-fraud`,
    )
    .action(async (model: string, options) => recommendCommand(model, options));
}
