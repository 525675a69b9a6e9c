#!/usr/bin/env node
/**
 * The `mlteam` command line. Each command's module is loaded only when it runs, to keep
 * start-up fast; every failure ends here, as an exit code and a message without a stack trace.
 */
import { Command, CommanderError } from "commander";
import { AppError, InvalidModelError } from "../app/errors.ts";
import { renderDiagnostics, summariseDiagnostics } from "../render/diagnostics.ts";
import { VERSION } from "../version.ts";
import { register as registerAudit } from "./commands/audit.ts";
import { register as registerCatalog } from "./commands/catalog.ts";
import { register as registerDiff } from "./commands/diff.ts";
import { register as registerDocs } from "./commands/docs.ts";
import { register as registerDoctor } from "./commands/doctor.ts";
import { register as registerEvidence } from "./commands/evidence.ts";
import { register as registerExport } from "./commands/export.ts";
import { register as registerHandover } from "./commands/handover.ts";
import { register as registerHistory } from "./commands/history.ts";
import { register as registerImport } from "./commands/import.ts";
import { register as registerInit } from "./commands/init.ts";
import { register as registerOrg } from "./commands/org.ts";
import { register as registerRaci } from "./commands/raci.ts";
import { register as registerRecommend } from "./commands/recommend.ts";
import { register as registerServe } from "./commands/serve.ts";
import { register as registerValidate } from "./commands/validate.ts";
import { register as registerWhatif } from "./commands/whatif.ts";
import { CommandFailed } from "./exit.ts";
import { err, out, stderrColors, wroteToStdout } from "./io.ts";

// A reader that goes away (`mlteam doctor | head -1`) ends the run quietly, as for any Unix tool.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw error;
  });
}

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

// Each command declares its flags and help beside what it does; what it runs is loaded only then.
for (const register of [
  registerInit,
  registerValidate,
  registerDoctor,
  registerWhatif,
  registerRecommend,
  registerHandover,
  registerEvidence,
  registerExport,
  registerAudit,
  registerImport,
  registerDocs,
  registerHistory,
  registerDiff,
  registerServe,
  registerRaci,
  registerCatalog,
  registerOrg,
])
  register(program);

/** Exit codes, as linters use them: decided here and nowhere else. */
export const EXIT = {
  /** Clean, or warnings only. */
  ok: 0,
  /** Findings at error level (or a gate crossed, gaps in a pack, a partial import, a failed sync). */
  findings: 1,
  /** Invalid input or usage, or an internal failure. */
  invalid: 2,
} as const;

// The command that runs, so that a failure is rendered as that command's document.
let running = "";
program.hook("preAction", (_program, action) => {
  running = action.name();
});

try {
  await program.parseAsync(process.argv);
} catch (error) {
  process.exitCode = exitCodeFor(error);
  // A machine format stays one document when the command failed before printing its own.
  if (process.exitCode === EXIT.invalid && !wroteToStdout()) {
    const machine = machineFormat(process.argv.slice(2));
    if (machine) out(await failureDocument(machine, error));
  }
  if (error instanceof InvalidModelError) reportDiagnostics(error);
}

/** The machine format asked for (`--format json|sarif`, `-f json`, `--format=json`; markdown from the doctor), if any. */
function machineFormat(args: readonly string[]): "json" | "sarif" | "markdown" | undefined {
  for (const [i, arg] of args.entries()) {
    if (arg === "--") break;
    const value = arg === "--format" || arg === "-f" ? args[i + 1] : /^--format=(.*)$/.exec(arg)?.[1];
    if (value === "json" || value === "sarif") return value;
    if (value === "markdown" && running === "doctor") return value;
  }
  return undefined;
}

async function failureDocument(format: "json" | "sarif" | "markdown", error: unknown): Promise<string> {
  const invalid = await import("../render/invalid-model.ts");
  const diagnostics = error instanceof InvalidModelError ? error.diagnostics : [];
  // The doctor's report keeps its own shape (findings, score, summary) when the model is invalid.
  if (running === "doctor" && error instanceof InvalidModelError) {
    if (format === "json") return invalid.renderInvalidJson(diagnostics);
    if (format === "sarif") return invalid.renderInvalidSarif(diagnostics, VERSION);
    return invalid.renderInvalidMarkdown(diagnostics, error.title ?? "");
  }
  // So does the sync's, when the organisation file is invalid.
  if (running === "sync" && error instanceof InvalidModelError && format === "json")
    return invalid.renderInvalidSyncJson(diagnostics);
  if (format === "markdown") return "";
  const message = (error instanceof Error ? error.message : String(error)).replace(/^error: /, "");
  return format === "json"
    ? invalid.renderFailureJson(message, diagnostics)
    : invalid.renderFailureSarif(message, diagnostics, VERSION);
}

/** An invalid model's located diagnostics and their count, on stderr. */
function reportDiagnostics(error: InvalidModelError): void {
  const c = stderrColors();
  err(renderDiagnostics(error.diagnostics, c));
  err(summariseDiagnostics(error.diagnostics, c));
}

function exitCodeFor(error: unknown): number {
  if (error instanceof CommandFailed) return error.outcome === "findings" ? EXIT.findings : EXIT.invalid;
  if (error instanceof InvalidModelError) return EXIT.invalid;
  if (error instanceof AppError) {
    // Every other kind (input, not found, conflict, precondition, unavailable) is the user's to fix.
    err(`${stderrColors().red("error:")} ${error.message}`);
    return EXIT.invalid;
  }
  if (error instanceof CommanderError) {
    // Commander has already printed its message.
    return error.exitCode === 0 ? EXIT.ok : EXIT.invalid;
  }
  const message = error instanceof Error ? error.message : String(error);
  err(`${stderrColors().red("internal error:")} ${message}`);
  if (process.env.MLTEAM_DEBUG && error instanceof Error && error.stack) err(error.stack);
  return EXIT.invalid;
}
