import type { Command } from "commander";
import { InputError } from "../../app/errors.ts";
import { out, stdoutColors } from "../io.ts";
import { checkedDate, DEFAULT_MODEL_FILE, format, MODEL_ARG } from "../options.ts";

export interface HistoryOptions {
  since?: string;
  until?: string;
  max?: string;
  format: "text" | "json" | "csv";
  cache: boolean;
}

/** `mlteam history`: the team's health at every commit that changed the model. */
export async function history(modelPath: string, options: HistoryOptions): Promise<void> {
  for (const [flag, value] of [
    ["--since", options.since],
    ["--until", options.until],
  ] as const)
    if (value !== undefined) checkedDate(flag, value);
  if (options.max !== undefined && !/^[1-9]\d*$/.test(options.max))
    throw new InputError(`--max must be a whole number ≥ 1, got "${options.max}"`);
  const { cachedModelHistory } = await import("../../app/history.ts");
  const { fsHost } = await import("../../io/fs-host.ts");
  const { renderHistoryText } = await import("../../render/history-text.ts");
  const { renderHistoryCsv } = await import("../../render/history-csv.ts");
  const points = await cachedModelHistory({
    entry: modelPath,
    host: fsHost,
    useCache: options.cache,
    ...(options.since !== undefined ? { since: options.since } : {}),
    ...(options.until !== undefined ? { until: options.until } : {}),
    ...(options.max !== undefined ? { max: Number(options.max) } : {}),
  });
  if (options.format === "json") out(JSON.stringify({ points }, null, 2));
  else if (options.format === "csv") out(renderHistoryCsv(points));
  else out(renderHistoryText(points, stdoutColors()));
}

/** `mlteam history`: its flags and help, beside what it does. */
export function register(program: Command): void {
  program
    .command("history")
    .description("the team's health at every commit that changed the model, read from git (no checkout)")
    .argument("[model]", MODEL_ARG, DEFAULT_MODEL_FILE)
    .option("--since <date>", "only commits from this day (YYYY-MM-DD)")
    .option("--until <date>", "only commits up to this day (YYYY-MM-DD)")
    .option("--max <n>", "only the newest n commits")
    .option("--no-cache", "check every version again instead of reading .mlteam/history.db")
    .addOption(format(["text", "json", "csv"], "text"))
    .addHelpText(
      "after",
      `
Walks the first-parent line of the repository the model is in, oldest first, and checks the model
as of each commit that changed its files (its folder and anything it includes), with the same rules as
mlteam doctor evaluated at the commit's date. A version that does not validate is shown with its
errors and no score; it never stops the history. Each version's check is cached in .mlteam/history.db
beside the model, keyed by its files' blobs, so a re-run only checks new commits.
JSON: { "points": [ { "commit", "date", "author", "score", "areas", "counts": { "error", "warn", "info" },
"coverage", "people", "appeared": [ruleId…], "disappeared": [ruleId…] } ] }.
Examples:
  mlteam history
  mlteam history team/ --since 2026-01-01 --format csv > health.csv
  mlteam history --max 20 --format json`,
    )
    .action(async (model: string, options) => history(model, options));
}
