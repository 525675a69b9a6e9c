import { existsSync } from "node:fs";
import { join } from "node:path";
import { type Command, Option } from "commander";
import { InputError } from "../../app/errors.ts";
import type { CollectedEvidence } from "../../evidence/collect.ts";
import { DATE_SHAPE } from "../../model/calendar-date.ts";
import { err, out, stdoutColors } from "../io.ts";
import { checkedDate, DEFAULT_MODEL, format } from "../options.ts";
import { today } from "../today.ts";

export interface EvidenceOptions {
  repo?: string[];
  since?: string;
  at?: string;
  filter?: "all" | "code";
  coAuthors?: boolean;
  reviews?: string;
  explainIdentities?: boolean;
  format: "text" | "json";
  explain?: string;
  /** Whether the model was named (else the default, which `--repo` may have swallowed). */
  modelGiven?: boolean;
}

/** `mlteam evidence`: who really does each activity, from git history. */
export async function evidence(modelPath: string, options: EvidenceOptions): Promise<void> {
  // Loaded together: the module loader reads their files concurrently — with those collectInto
  // loads next (the miner, the store's native module), which are then already there. The progress
  // bar and the text rendering only when they will be used.
  const [progress, { collectInto, storePath }, { explainClassification }, { modelRepositories }] =
    await Promise.all([
      process.stderr.isTTY ? import("cli-progress") : undefined,
      import("../../app/evidence.ts"),
      import("../../evidence/classify.ts"),
      import("../../evidence/repositories.ts"),
      import("../../evidence/collect.ts"),
      import("../../store/sqlite.ts"),
    ]);
  const hasModel = existsSync(modelPath);
  if (!hasModel && modelPath !== "mlteam.yaml") throw new InputError(`no model at ${modelPath}`);
  // The model loader (YAML, schema) is loaded only when there is a model to read.
  const model = hasModel ? (await (await import("../load.ts")).loadValidModel(modelPath)).model : undefined;
  const settings = model?.evidence?.settings;
  if (options.explain !== undefined) {
    const path = options.explain;
    const modelSets = Object.entries(settings?.patterns ?? {}).map(([activity, patterns]) => ({
      activity,
      patterns,
      origin: "model",
    }));
    const replace = settings?.replacePatterns === true;
    // A repository's own patterns come first for its files: its answer, where it has some.
    const answers = [
      { repository: null as string | null, matches: explainClassification(modelSets, path, { replace }) },
      ...modelRepositories(model)
        .filter((spec) => Object.keys(spec.patterns ?? {}).length > 0)
        .map((spec) => ({
          repository: spec.path,
          matches: explainClassification(
            [
              ...Object.entries(spec.patterns ?? {}).map(([activity, patterns]) => ({
                activity,
                patterns,
                origin: "repository",
              })),
              ...modelSets,
            ],
            path,
            { replace },
          ),
        })),
    ];
    if (options.format === "json") {
      out(JSON.stringify({ valid: true, path, answers }, null, 2));
      return;
    }
    for (const { repository, matches } of answers) {
      const [hit, ...lost] = matches;
      const where = repository === null ? "" : `in ${repository} (its own patterns first): `;
      if (!hit) {
        out(`${where}${path} matches no activity's patterns`);
        continue;
      }
      out(`${where}${path} → ${hit.activity} (pattern "${hit.pattern}", ${hit.origin})`);
      for (const m of lost)
        out(`  also matched, lost to it: ${m.activity} (pattern "${m.pattern}", ${m.origin})`);
    }
    return;
  }
  if (options.since !== undefined) checkedDate("--since", options.since);
  if (options.at !== undefined && DATE_SHAPE.test(options.at)) checkedDate("--at", options.at);
  // A model swallowed by --repo, which takes every path after it: a YAML file is never a repository;
  // a model's folder (not a repository's top) is taken for the model when none is named or here.
  const modelless = !options.modelGiven && !hasModel;
  for (const path of options.repo ?? []) {
    const file = /\.ya?ml$/i.test(path) && existsSync(path);
    const folder =
      !file && modelless && existsSync(join(path, DEFAULT_MODEL)) && !(await isRepositoryTop(path));
    if (file || folder)
      throw new InputError(
        `--repo ${path}: ${file ? "a YAML file" : "a model's folder"}, not a repository — --repo takes every path after it, so give the model first: mlteam evidence ${path} --repo …`,
      );
  }
  const repositories = (options.repo ?? []).map((path) => ({ path }));
  if (repositories.length === 0 && modelRepositories(model).length === 0) {
    throw new InputError(
      "no repository to read: pass --repo <path> or list them under `evidence.repositories` in the model",
    );
  }
  const bar = progress
    ? new progress.SingleBar(
        {
          format: "{repo} [{bar}] {value}/{total} commits | {speed} commits/s | ETA {eta}s",
          stream: process.stderr,
          hideCursor: true,
        },
        undefined,
      )
    : undefined;
  let started = 0;
  let current = "";
  try {
    const collected = await collectInto(storePath(model), {
      ...(model ? { model } : {}),
      repositories,
      today: today(),
      ...(options.since !== undefined ? { since: options.since } : {}),
      ...(options.at !== undefined ? { at: options.at } : {}),
      ...(options.filter !== undefined ? { filter: options.filter } : {}),
      ...(options.coAuthors ? { coAuthors: true } : {}),
      ...(options.reviews !== undefined ? { reviews: options.reviews } : {}),
      ...(options.explainIdentities ? { explainIdentities: true } : {}),
      ...(bar
        ? {
            onProgress: (repo: string, done: number, total: number) => {
              if (repo !== current) {
                if (current !== "") bar.stop();
                current = repo;
                started = Date.now();
                bar.start(total, 0, { repo, speed: 0 });
              }
              bar.update(done, { speed: Math.round(done / Math.max(0.001, (Date.now() - started) / 1000)) });
            },
          }
        : {}),
    });
    bar?.stop();
    for (const warning of collected.warnings) err(`warning: ${warning}`);
    const names = model ? new Map(model.people.map((p) => [p.id, p.name])) : undefined;
    if (options.explainIdentities && options.format !== "json") {
      const { renderIdentitiesText } = await import("../../render/evidence-text.ts");
      out(renderIdentitiesText(collected.report));
      return;
    }
    if (options.format === "json") out(JSON.stringify(jsonOf(collected), null, 2));
    else {
      const { renderEvidenceText } = await import("../../render/evidence-text.ts");
      out(renderEvidenceText(collected, names, stdoutColors()));
    }
  } finally {
    bar?.stop();
  }
}

/**
 * Whether `path` is the top of a repository (asked only of a folder that holds a model: below the
 * top, or outside any repository, it was more likely meant as the model).
 */
async function isRepositoryTop(path: string): Promise<boolean> {
  const { gitTry } = await import("../../evidence/git.ts");
  return gitTry(path, ["rev-parse", "--show-prefix"])?.trim() === "";
}

/** The JSON document: the report, and of each run what it read (the stored file states are the store's business). */
function jsonOf(collected: CollectedEvidence) {
  return {
    valid: true,
    report: collected.report,
    runs: collected.runs.map((run) => ({
      repo: run.repo,
      state: {
        key: run.state.key,
        head: run.state.head,
        commits: run.state.commits,
        shallow: run.state.shallow,
      },
      read: run.read,
      mode: run.mode,
      measured: run.measured,
      reused: run.reused,
      mailmap: { size: run.mailmap.size },
      warnings: run.warnings,
    })),
    warnings: collected.warnings,
  };
}

/** `mlteam evidence`: its flags and help, beside what it does. */
export function register(program: Command): void {
  program
    .command("evidence")
    .description("who really does each activity, from git history: authors, truck factors, recent activity")
    .argument("[model]", "the model (optional: without one, contributors are git identities)", DEFAULT_MODEL)
    .option(
      "-r, --repo <path...>",
      "repositories to read, besides those the model lists (give the model before it)",
    )
    .option(
      "--since <date>",
      "count changes from the month of this date (YYYY-MM-DD) as recent; default: evidence.windowMonths (12) back",
    )
    .option(
      "--at <commit|date>",
      "analyse a snapshot, as of its day: a commit-ish, or YYYY-MM-DD for the last first-parent commit on or before that day",
    )
    .addOption(
      new Option(
        "--filter <files>",
        "which files count: all (default) or code (programming-language sources)",
      ).choices(["all", "code"]),
    )
    .option("--co-authors", "credit Co-authored-by trailers as authorship too (default: the commit's author)")
    .option(
      "--reviews <file>",
      "pull-request reviews exported from GitHub or GitLab (JSON) for the --repo repositories (or the model's only one): reviewers count as knowing what they reviewed",
    )
    .option(
      "--explain-identities",
      "list the identities merged into one developer, and those left out (bots…)",
    )
    .option("--explain <path>", "say which activity a file path is evidence of, and why")
    .addOption(format(["text", "json"], "text"))
    .addHelpText(
      "after",
      `
Reads each repository's history (names and statuses only, renames followed) into .mlteam/evidence.db
beside the model; a second run reads only the commits added since. Authorship and truck factors
follow Avelino et al. (ICPC 2016): a commit credits its author; the files are those of the analysed
commit's tree. Identities are merged by .mailmap, e-mail and name, and mapped to people through their
e-mails, names and git aliases; bots and placeholders ("nobody@…") are never authors, though their
changes count as changes by others. See docs/evidence.md.
Examples:
  mlteam evidence --repo .                         # no model needed
  mlteam evidence --repo ../git --at 2015-06-28 --filter code   # a snapshot, code files only
  mlteam evidence --repo . --explain-identities
  mlteam evidence examples/meghan-story --repo ../ml-platform
  mlteam evidence --explain deploy/charts/api/values.yaml`,
    )
    .action(async (model: string, options: EvidenceOptions, command: Command) =>
      evidence(model, { ...options, modelGiven: command.args.length > 0 }),
    );
}
