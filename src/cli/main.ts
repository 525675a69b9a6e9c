#!/usr/bin/env node
/**
 * The `mlteam` command line. Each command's module is loaded only when it runs, to keep
 * start-up fast; every failure ends here, as an exit code and a message without a stack trace.
 */
import { Argument, Command, CommanderError, Option } from "commander";
import { AppError, InvalidModelError } from "../app/errors.ts";
import { renderDiagnostics, summariseDiagnostics } from "../render/diagnostics.ts";
import { VERSION } from "../version.ts";
import { EXIT, ExitError } from "./exit.ts";
import { err, stderrColors } from "./io.ts";

// A reader that goes away (`mlteam doctor | head -1`) ends the run quietly, as for any Unix tool.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw error;
  });
}

const DEFAULT_MODEL = "mlteam.yaml";
const MODEL_ARG = "path of the model: a YAML file, or a directory holding mlteam.yaml";

const program = new Command("mlteam")
  .description(
    "Team-as-code for MLOps: describe roles, the RACI matrix, skills and topology in YAML, and check them like code.",
  )
  .version(VERSION)
  .exitOverride()
  .showHelpAfterError("(run with --help for usage)")
  .addHelpText(
    "after",
    `
Exit codes: 0 clean or warnings only, 1 findings at error level (or a doctor gate crossed), 2 invalid input or usage.
Docs: docs/model.md (the model), docs/rules/ (each rule), docs/architecture.md.`,
  );

const format = (choices: string[], fallback: string) =>
  new Option("-f, --format <format>", "output format").choices(choices).default(fallback);

program
  .command("init")
  .description("write a starter mlteam.yaml from a template (asks on a terminal; flags otherwise)")
  .argument("[dir]", "directory to write mlteam.yaml into", ".")
  .option(
    "-t, --template <id>",
    "template: first-use-case, startup-full-stack, central-platform, embedded-platform, azure-accelerator",
  )
  .option("-n, --name <name>", "the organisation's name")
  .option("--force", "overwrite an existing mlteam.yaml")
  .addHelpText(
    "after",
    `
Examples:
  mlteam init                                  # asks which template on a terminal
  mlteam init my-team --template central-platform --name "Acme Analytics"
  mlteam init . --template startup-full-stack --force`,
  )
  .action(async (dir: string, options) => (await import("./commands/init.ts")).init(dir, options));

program
  .command("validate")
  .description("check the model's YAML, schema and references; never modifies the file")
  .argument("[model]", MODEL_ARG, DEFAULT_MODEL)
  .addOption(format(["text", "json"], "text"))
  .addHelpText(
    "after",
    `
Each problem is printed as  file:line:col  error  message  (code).
Examples:
  mlteam validate
  mlteam validate examples/meghan-story --format json`,
  )
  .action(async (model: string, options) =>
    (await import("./commands/validate.ts")).validate(model, options),
  );

program
  .command("doctor")
  .description("find gaps and risks in the team and score its health (exit 1 on error findings)")
  .argument("[model]", MODEL_ARG, DEFAULT_MODEL)
  .addOption(format(["text", "json", "markdown", "sarif"], "text"))
  .option("--explain", "show how the health score is made: what each rule's findings cost")
  .option(
    "--evidence",
    "also check the RACI against git history (automatic when the model lists evidence.repositories)",
  )
  .option("--max-warnings <n>", "CI gate: exit 1 when there are more than n warning-level findings")
  .option("--min-score <s>", "CI gate: exit 1 when the health score is below s (0–100)")
  .addHelpText(
    "after",
    `
Findings are grouped by area, each with its location, rule id and a fix, followed by the health
score (0–100, overall and per area). Colour on a terminal; NO_COLOR=1 turns it off.
Formats: text; json ({ findings, diagnostics, score, summary }); markdown (for a pull-request
comment); sarif (SARIF 2.1.0 for code scanning, pointing into the YAML). On an invalid model every
format still writes a whole document (the input problems, located) and the exit code is 2.
Rule severities and options are set in the model under \`rules:\`; MLTEAM_TODAY=YYYY-MM-DD runs the
date-dependent rules (absences, review ages, suppression expiry) as of another day.
Examples:
  mlteam doctor
  mlteam doctor examples/meghan-story --explain
  mlteam doctor --format sarif > mlteam.sarif
  mlteam doctor --max-warnings 10 --min-score 70    # fail CI on drift, not only on errors
  mlteam doctor --format markdown >> "$GITHUB_STEP_SUMMARY"`,
  )
  .action(async (model: string, options) => (await import("./commands/doctor.ts")).doctor(model, options));

program
  .command("whatif")
  .description(
    "see what happens if people are away or you hire, or rank everyone by the damage of their absence",
  )
  .argument("[model]", MODEL_ARG, DEFAULT_MODEL)
  .option("-w, --without <person...>", "people who are away (ids)")
  .option("--from <date>", "start of the period (YYYY-MM-DD); declared absences in it count too")
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
  .action(async (model: string, options) => (await import("./commands/whatif.ts")).whatif(model, options));

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
  .action(async (model: string, options) =>
    (await import("./commands/recommend.ts")).recommendCommand(model, options),
  );

program
  .command("evidence")
  .description("who really does each activity, from git history: authors, truck factors, recent activity")
  .argument("[model]", "the model (optional: without one, contributors are git identities)", DEFAULT_MODEL)
  .option("-r, --repo <path...>", "repositories to read, besides those the model lists")
  .option(
    "--since <date>",
    "count changes from this date (YYYY-MM-DD) as recent; default: evidence.windowMonths (12) back",
  )
  .option("--explain <path>", "say which activity a file path is evidence of, and why")
  .addOption(format(["text", "json"], "text"))
  .addHelpText(
    "after",
    `
Reads each repository's history (names and statuses only, renames followed) into .mlteam/evidence.db
beside the model; a second run reads only the commits added since. Authors are mapped to people
through their e-mails, names and the repository's .mailmap; bots are left out.
Examples:
  mlteam evidence --repo .                         # no model needed
  mlteam evidence examples/meghan-story --repo ../ml-platform
  mlteam evidence --explain deploy/charts/api/values.yaml`,
  )
  .action(async (model: string, options) =>
    (await import("./commands/evidence.ts")).evidence(model, options),
  );

program
  .command("export")
  .description(
    "write the team in other tools' formats: CSV roster, XLSX, JSON, Mermaid, CODEOWNERS, Backstage",
  )
  .argument("[model]", MODEL_ARG, DEFAULT_MODEL)
  .addOption(
    new Option("-f, --format <format>", "what to write")
      .choices(["csv", "xlsx", "json", "mermaid", "codeowners", "backstage"])
      .makeOptionMandatory(),
  )
  .option("-o, --out <file>", "write to this file (atomically) instead of standard output")
  .addHelpText(
    "after",
    `
Formats: csv (a people roster with a column per competency), xlsx (sheets RACI — colour-coded —,
People, Skills, Findings), json (the resolved team), mermaid (the topology as a flowchart),
codeowners (owners of each activity's paths: its R/A people by their handle, plus an ML engineer
and an MLOps engineer on ML code), backstage (Group and User entities).
Examples:
  mlteam export --format xlsx --out team.xlsx
  mlteam export --format codeowners --out .github/CODEOWNERS
  mlteam export examples/central-platform --format mermaid`,
  )
  .action(async (model: string, options) =>
    (await import("./commands/export.ts")).exportCommand(model, options),
  );

program
  .command("import")
  .description("people and teams from Backstage or a CSV roster; proposed RACI rows from CODEOWNERS")
  .argument("<file>", "the file to import")
  .addOption(
    new Option("--from <kind>", "what the file is")
      .choices(["backstage", "codeowners", "csv"])
      .makeOptionMandatory(),
  )
  .option(
    "--into <model>",
    "merge into this model file, keeping its comments (entries already there are skipped)",
  )
  .option("-o, --out <file>", "write the imported entries to a new file instead of standard output")
  .addHelpText(
    "after",
    `
backstage: Group (team) and User entities → teams and people. csv: a roster with name, email, title
(and optionally id, roles, reports_to, and a column per competency with levels 0–4) → people whose
titles map to roles through the catalog's aliases; unmapped titles are reported. codeowners: each
pattern mapped to an activity by the evidence classifier, its owners (by handle) proposed as R.
Examples:
  mlteam import --from backstage org.yaml --out team/people.yaml
  mlteam import --from csv roster.csv --into mlteam.yaml
  mlteam import --from codeowners .github/CODEOWNERS --into mlteam.yaml`,
  )
  .action(async (file: string, options) =>
    (await import("./commands/import.ts")).importCommand(file, options),
  );

program
  .command("docs")
  .description(
    "write the team's documentation site: charter, role and person cards, RACI, skills, stakeholders, system documents",
  )
  .argument("[model]", MODEL_ARG, DEFAULT_MODEL)
  .option("-o, --out <dir>", "where to write the site", "docs/team")
  .addHelpText(
    "after",
    `
Writes Markdown (GitHub renders its Mermaid diagram) and HTML (the topology drawn as SVG) side by
side: index (the team charter with the doctor's summary), roles/, people/, raci, skills,
stakeholders, and for each production ML system an ML science document and a system tech spec,
prefilled from the model for the team to complete (000 §8A.3).
Examples:
  mlteam docs
  mlteam docs examples/embedded-platform --out site`,
  )
  .action(async (model: string, options) => (await import("./commands/docs.ts")).docs(model, options));

program
  .command("serve")
  .description(
    "serve the web dashboard and the HTTP API (findings, RACI with safe edits, what-if), on loopback by default",
  )
  .argument("[model]", MODEL_ARG, DEFAULT_MODEL)
  .option("-p, --port <port>", "port", "4173")
  .option("--host <host>", "address to listen on; anything but loopback needs a token", "127.0.0.1")
  .option("--token <secret>", "require Authorization: Bearer <secret> on every API call (or MLTEAM_TOKEN)")
  .option("--open", "open the dashboard in the desktop's browser")
  .addHelpText(
    "after",
    `
The API is described at /api/openapi.json. RACI edits (PUT /api/raci/cell) are written into the
YAML keeping its comments, atomically, and refused with 409 when the file changed since it was read.
Examples:
  mlteam serve examples/meghan-story
  MLTEAM_TOKEN=s3cret mlteam serve --host 0.0.0.0 --port 8080`,
  )
  .action(async (model: string, options) =>
    (await import("./commands/serve.ts")).serveCommand(model, options),
  );

program
  .command("raci")
  .description("print the RACI matrix, by role or by person")
  .argument("[model]", MODEL_ARG, DEFAULT_MODEL)
  .addOption(
    new Option("-b, --by <view>", "columns: roles or people").choices(["role", "person"]).default("role"),
  )
  .option("-p, --product <id>", "the matrix as it applies to one product")
  .addOption(format(["table", "markdown", "csv", "json"], "table"))
  .addHelpText(
    "after",
    `
Examples:
  mlteam raci examples/startup-full-stack         # 001's matrix
  mlteam raci --by person --format markdown
  mlteam raci --product churn --format csv > raci.csv`,
  )
  .action(async (model: string, options) => (await import("./commands/raci.ts")).raci(model, options));

program
  .command("catalog")
  .description("show the built-in roles, activities, competencies or topologies, with their sources")
  .addArgument(
    new Argument("<kind>", "what to list").choices(["roles", "activities", "competencies", "topologies"]),
  )
  .argument("[id]", "show one entry in detail")
  .addOption(format(["text", "json"], "text"))
  .addHelpText(
    "after",
    `
Examples:
  mlteam catalog roles
  mlteam catalog roles outside-to-inside
  mlteam catalog activities --format json`,
  )
  .action(async (kind, id: string | undefined, options) =>
    (await import("./commands/catalog.ts")).catalog(kind, id, options),
  );

try {
  await program.parseAsync(process.argv);
} catch (error) {
  process.exitCode = exitCodeFor(error);
}

function exitCodeFor(error: unknown): number {
  if (error instanceof ExitError) {
    if (error.message)
      err(error.code === EXIT.invalid ? `${stderrColors().red("error:")} ${error.message}` : error.message);
    return error.code;
  }
  if (error instanceof InvalidModelError) {
    const c = stderrColors();
    err(renderDiagnostics(error.diagnostics, c));
    err(summariseDiagnostics(error.diagnostics, c));
    return EXIT.invalid;
  }
  if (error instanceof AppError) {
    // Every other kind (input, not found, conflict, precondition, unavailable) is the user's to fix.
    err(`${stderrColors().red("error:")} ${error.message}`);
    return EXIT.invalid;
  }
  if (error instanceof CommanderError) {
    // Commander has already printed its message.
    return error.exitCode === 0 ? EXIT.ok : EXIT.invalid;
  }
  if (error instanceof Error && error.name === "WriteError") {
    err(`${stderrColors().red("error:")} ${error.message}`);
    return EXIT.invalid;
  }
  const message = error instanceof Error ? error.message : String(error);
  err(`${stderrColors().red("internal error:")} ${message}`);
  if (process.env.MLTEAM_DEBUG && error instanceof Error && error.stack) err(error.stack);
  return EXIT.invalid;
}
