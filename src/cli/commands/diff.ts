import { existsSync, statSync } from "node:fs";
import type { Command, OptionValues } from "commander";
import { Option } from "commander";
import { CommandFailed } from "../exit.ts";
import { out, stdoutColors } from "../io.ts";
import { DEFAULT_MODEL_FILE, format, MODEL_ARG } from "../options.ts";
import { today } from "../today.ts";

export interface DiffOptions {
  format: "text" | "json" | "markdown";
  failOn: "error" | "warn" | "never";
}

const isFile = (path: string) => existsSync(path) && statSync(path).isFile();

/** `mlteam diff`: what a change does to the team; exit 1 when it adds findings at the `--fail-on` level. */
export async function diff(range: string, model: string, options: DiffOptions): Promise<void> {
  const { diffModel } = await import("../../app/diff.ts");
  const { fsHost } = await import("../../io/fs-host.ts");
  const { renderDiffMarkdown, renderDiffText } = await import("../../render/diff.ts");
  // `mlteam diff old.yaml new.yaml`: two files, no git.
  const twoFiles = isFile(range) && model !== DEFAULT_MODEL_FILE && isFile(model);
  const result = await diffModel({
    range,
    entry: model,
    host: fsHost,
    today: today(),
    ...(twoFiles ? { headFile: model } : {}),
  });
  if (options.format === "json") out(JSON.stringify(result, null, 2));
  else if (options.format === "markdown") out(renderDiffMarkdown(result));
  else out(renderDiffText(result, stdoutColors()));
  const failing = result.added.filter((f) =>
    options.failOn === "never"
      ? false
      : options.failOn === "warn"
        ? f.severity !== "info"
        : f.severity === "error",
  );
  if (failing.length > 0) throw new CommandFailed("findings");
}

/** `mlteam diff`: its flags and help, beside what it does. */
export function register(program: Command): void {
  program
    .command("diff")
    .description(
      "what a change does to the team: findings added and resolved, score, RACI, people (a PR gate)",
    )
    .argument("<range>", "base[..head] or base...head (from their merge base); or an old model file")
    .argument("[model]", `${MODEL_ARG} (or, after an old file, the new file)`, DEFAULT_MODEL_FILE)
    .addOption(format(["text", "json", "markdown"], "text"))
    .addOption(
      new Option("--fail-on <level>", "exit 1 when the change adds findings at this level or above")
        .choices(["error", "warn", "never"])
        .default("error"),
    )
    .addHelpText(
      "after",
      `
Compares the model at base with the model at head (default: the working copy), both read from git
objects and checked as of today with the same rules as mlteam doctor. Findings are matched by rule
and subject, not by line numbers, so moving lines changes nothing. Exit 1 when the change adds
error-level findings (or, with --fail-on warn, warnings too), 0 otherwise, 2 on bad input.
JSON: { "base", "head", "score": { "before", "after" }, "areas", "added": [finding…], "resolved": […],
"changed": [{ "before", "after" }], "raci": [{ "activity", "column", "before", "after" }], "people": […],
"ranking": [{ "person", "before", "after" }] }. Markdown is made to be a pull-request comment.
Examples:
  mlteam diff main                                  # the working copy against main
  mlteam diff origin/main...HEAD --format markdown  # what this branch does (CI, see docs/ci.md)
  mlteam diff HEAD~2..HEAD~1 team/ --format json
  mlteam diff old.yaml new.yaml                     # two files, no git`,
    )
    .action(async (range: string, model: string, options: OptionValues) =>
      diff(range, model, options as DiffOptions),
    );
}
