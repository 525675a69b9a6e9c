import { join } from "node:path";
import { type Command, Option } from "commander";
import type { Framework } from "../../analysis/rule.ts";
import type { AuditFormat } from "../../app/governance-pack.ts";
import { CommandFailed } from "../exit.ts";
import { out } from "../io.ts";
import { DEFAULT_MODEL_FILE, MODEL_ARG } from "../options.ts";
import { today } from "../today.ts";

export interface AuditOptions {
  framework: Framework;
  format: AuditFormat;
  out?: string;
}

const EXTENSION: Record<AuditFormat, string> = { markdown: "md", html: "html", json: "json" };

/** `mlteam audit`: a governance framework's evidence pack. */
export async function audit(modelPath: string, options: AuditOptions): Promise<void> {
  const { auditPack, renderAuditPack } = await import("../../app/governance-pack.ts");
  const { writeOutput } = await import("../../app/write-output.ts");
  const { assignmentsSince } = await import("../../app/assignment-history.ts");
  const { checkTeam, requireValid } = await import("../../app/check-team.ts");
  const { cliContext } = await import("../context.ts");
  const checked = await checkTeam(modelPath, { ...cliContext(), frameworks: [options.framework] });
  if (!checked.valid && options.format === "json") {
    // A machine format stays a whole document: the pack's frame, no clauses, the input problems.
    out(
      JSON.stringify(
        { framework: options.framework, valid: false, clauses: [], diagnostics: checked.diagnostics },
        null,
        2,
      ),
    );
  }
  const check = requireValid(checked);
  // Since when each assignment holds, when the model lives in git.
  const since = assignmentsSince(modelPath, cliContext().host);
  const pack = auditPack(check, options.framework, today(), since);
  const text = renderAuditPack(pack, options.format);
  if (options.out === undefined) out(text.trimEnd());
  else {
    const file = join(options.out, `audit-${options.framework}.${EXTENSION[options.format]}`);
    writeOutput(file, text);
    out(`Wrote ${file}.`);
  }
  const gaps = pack.clauses.filter((c) => c.status === "gap").length;
  if (gaps > 0) throw new CommandFailed("findings");
}

/** `mlteam audit`: its flags and help, beside what it does. */
export function register(program: Command): void {
  program
    .command("audit")
    .description(
      "a governance framework's evidence pack: each clause's status, the evidence the model holds, the findings",
    )
    .argument("[model]", MODEL_ARG, DEFAULT_MODEL_FILE)
    .addOption(
      new Option("--framework <framework>", "the framework")
        .choices(["eu-ai-act", "iso-42001", "nist-ai-rmf"])
        .makeOptionMandatory(),
    )
    .addOption(
      new Option("-f, --format <format>", "what to write")
        .choices(["markdown", "html", "json"])
        .default("markdown"),
    )
    .option(
      "-o, --out <dir>",
      "write audit-<framework>.<md|html|json> into this folder instead of standard output",
    )
    .addHelpText(
      "after",
      `
For each clause mlteam assesses (docs/governance.md): met, gap or not-applicable, when its duties
apply (EU AI Act: the date, by each high-risk product's annex — none recorded is taken as Annex III —
and the days left as of today or MLTEAM_TODAY), the evidence the model holds (who oversees each
high-risk system and their training, who is trained in AI literacy and until when; since when each
assignment holds, from the model's git history when it has one) and the findings of the rules that
check it. The framework's rules run whether or not the model lists it under organisation.frameworks.
HTML prints one clause per page. Not legal advice.
Exit 0 when no clause has a gap, 1 when one does, 2 when the model is invalid (JSON then still prints a
whole document: valid false, the diagnostics).
Examples:
  mlteam audit --framework eu-ai-act
  mlteam audit --framework eu-ai-act --format html --out audit/
  mlteam audit examples/meghan-story --framework iso-42001 --format json`,
    )
    .action(async (model: string, options) => audit(model, options));
}
