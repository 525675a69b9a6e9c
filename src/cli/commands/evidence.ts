import { existsSync } from "node:fs";
import { type Command, Option } from "commander";
import { InputError } from "../../app/errors.ts";
import { DATE_SHAPE } from "../../app/input.ts";
import type { Model } from "../../model/model.ts";
import { userCacheDir } from "../cache-dir.ts";
import { err, out, stdoutColors } from "../io.ts";
import { checkedDate, DEFAULT_MODEL_FILE, format } from "../options.ts";
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
  // Loaded together: the module loader reads their files concurrently — with what collectInto loads
  // next (the miner, the store's native module), which is then already there. The progress bar and
  // the text rendering only when they will be used.
  const [progress, { collectInto, storePath }, request] = await Promise.all([
    process.stderr.isTTY ? import("cli-progress") : undefined,
    import("../../app/evidence.ts"),
    import("../../app/evidence-request.ts"),
    import("../../app/evidence-request.ts").then((m) => m.preloadEvidenceMiner()),
  ]);
  const hasModel = existsSync(modelPath);
  if (!hasModel && modelPath !== DEFAULT_MODEL_FILE) throw new InputError(`no model at ${modelPath}`);
  // The model loader (YAML, schema) is loaded only when there is a model to read.
  const model = hasModel ? (await (await import("../load.ts")).loadValidModel(modelPath)).model : undefined;
  if (options.explain !== undefined) return explainPath(model, options.explain, options.format);
  if (options.since !== undefined) checkedDate("--since", options.since);
  if (options.at !== undefined && DATE_SHAPE.test(options.at)) checkedDate("--at", options.at);
  const repositories = request.repositoriesGiven(options.repo ?? [], !options.modelGiven && !hasModel);
  request.requireSomeRepository(model, repositories);
  const bar = progress ? progressBar(progress) : undefined;
  try {
    const collected = await collectInto(storePath(model, userCacheDir()), {
      ...(model ? { model } : {}),
      repositories,
      today: today(),
      ...(options.since !== undefined ? { since: options.since } : {}),
      ...(options.at !== undefined ? { at: options.at } : {}),
      ...(options.filter !== undefined ? { filter: options.filter } : {}),
      ...(options.coAuthors ? { coAuthors: true } : {}),
      ...(options.reviews !== undefined ? { reviews: options.reviews } : {}),
      ...(options.explainIdentities ? { explainIdentities: true } : {}),
      ...(bar ? { onProgress: bar.update } : {}),
    });
    bar?.stop();
    for (const warning of collected.warnings) err(`warning: ${warning}`);
    const names = model ? new Map(model.people.map((p) => [p.id, p.name])) : undefined;
    if (options.format === "json") {
      out((await import("../../render/evidence-json.ts")).renderEvidenceJson(collected));
      return;
    }
    const render = await import("../../render/evidence-text.ts");
    out(
      options.explainIdentities
        ? render.renderIdentitiesText(collected.report)
        : render.renderEvidenceText(collected, names, stdoutColors()),
    );
  } finally {
    bar?.stop();
  }
}

/** `--explain <path>`: which activity the path is evidence of, and why. */
async function explainPath(model: Model | undefined, path: string, format: "text" | "json"): Promise<void> {
  const { explainEvidencePath } = await import("../../app/evidence-explain.ts");
  const answers = explainEvidencePath(model, path);
  if (format === "json")
    out((await import("../../render/evidence-json.ts")).renderPathExplanationJson(path, answers));
  else out((await import("../../render/evidence-text.ts")).renderPathExplanationText(path, answers));
}

/** A progress bar on stderr, one run per repository: commits read of the total, and the speed. */
function progressBar(progress: typeof import("cli-progress")) {
  const bar = new progress.SingleBar(
    {
      format: "{repo} [{bar}] {value}/{total} commits | {speed} commits/s | ETA {eta}s",
      stream: process.stderr,
      hideCursor: true,
    },
    undefined,
  );
  let started = 0;
  let current = "";
  return {
    update: (repo: string, done: number, total: number) => {
      if (repo !== current) {
        if (current !== "") bar.stop();
        current = repo;
        started = Date.now();
        bar.start(total, 0, { repo, speed: 0 });
      }
      bar.update(done, { speed: Math.round(done / Math.max(0.001, (Date.now() - started) / 1000)) });
    },
    stop: () => bar.stop(),
  };
}

/** `mlteam evidence`: its flags and help, beside what it does. */
export function register(program: Command): void {
  program
    .command("evidence")
    .description("who really does each activity, from git history: authors, truck factors, recent activity")
    .argument(
      "[model]",
      "the model (optional: without one, contributors are git identities)",
      DEFAULT_MODEL_FILE,
    )
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
beside the model (without a model: $XDG_CACHE_HOME/mlteam/evidence.db, else ~/.cache/mlteam/, never in
the analysed repository); a second run reads only the commits added since. Authorship and truck factors
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
