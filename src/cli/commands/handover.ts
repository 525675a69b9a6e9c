import type { Command } from "commander";
import { out, stdoutColors } from "../io.ts";
import { checkedDate, DEFAULT_MODEL_FILE, format, MODEL_ARG } from "../options.ts";

export interface HandoverOptions {
  to?: string;
  format: "text" | "json" | "markdown";
  apply?: boolean;
  date?: string;
}

/** `mlteam handover`: what a person holds, who should take each over and why; --apply writes it. */
export async function handover(person: string, modelPath: string, options: HandoverOptions): Promise<void> {
  const { applyHandover, planHandover } = await import("../../app/handover.ts");
  const { cliContext } = await import("../context.ts");
  const { fsHost } = await import("../../io/fs-host.ts");
  const context = cliContext();
  const date = options.date === undefined ? context.today : checkedDate("--date", options.date);
  const plan = await planHandover({
    entry: modelPath,
    person,
    to: options.to,
    date,
    host: context.host,
    gatherEvidence: context.gatherEvidence,
  });
  const applied = options.apply ? await applyHandover(plan, fsHost) : undefined;
  const report = plan.report;
  if (options.format === "json") {
    const { renderHandoverJson } = await import("../../render/handover-json.ts");
    out(renderHandoverJson(report, applied));
  } else if (options.format === "markdown") {
    const { renderHandoverMarkdown } = await import("../../render/handover-markdown.ts");
    out(renderHandoverMarkdown(report, applied !== undefined));
  } else {
    const { renderHandoverText } = await import("../../render/handover-text.ts");
    const { renderDiffText } = await import("../../render/diff.ts");
    const c = stdoutColors();
    out(renderHandoverText(report, c));
    if (applied === undefined && plan.edits.length > 0)
      out(
        c.dim(
          "\nNothing written: run again with --apply to write the handover into the model (every comment kept).",
        ),
      );
    else if (applied !== undefined)
      out(
        `\n${c.bold(applied.length ? `Written: ${applied.join(", ")}` : "Nothing to write.")}\n\n${renderDiffText(report.diff, c)}`,
      );
  }
}

/** `mlteam handover`: its flags and help, beside what it does. */
export function register(program: Command): void {
  program
    .command("handover")
    .description("what a person holds, who should take over each responsibility and why; --apply writes it")
    .argument("<person>", "the id of the person handing over (someone who leaves, moves or goes on leave)")
    .argument("[model]", MODEL_ARG, DEFAULT_MODEL_FILE)
    .option(
      "--to <person>",
      "give every responsibility to this person; the alternatives are still ranked, and the findings it would cause shown",
    )
    .option(
      "--date <date>",
      "the date of the handover (YYYY-MM-DD): what the person holds then, checked as of then (default: today, or MLTEAM_TODAY)",
    )
    .option(
      "--apply",
      "write the handover into the model's YAML files (every comment kept) and print the mlteam diff of the change; refused when the model changed since it was read",
    )
    .addOption(format(["text", "json", "markdown"], "text"))
    .addHelpText(
      "after",
      `
Lists every responsibility the person holds on the date: R and A cells naming them (and rows where
they are the only holder of the role named), rows that declare them a backup, on-call rotations, the
oversight of products, stakeholder entries, teams they lead (with the team's openings), and the
CODEOWNERS lines that name their handle.
For each: a successor and up to three alternatives, ranked by and explained with evidence on the
activity's files (authored files, changes, reviews, recency — when the model lists repositories),
recorded skills against the activity's competencies, time left after the move, same team (or a team
that serves it), and no new conflict (a contractor as the only Accountable of production-critical
work, conflicting hats, an overseer who builds the system). When nobody suitable is there it says so,
with the hire or the training that would make someone. The health score is shown before and after,
with the findings the handover adds and resolves (also with --to: a conflict it causes shows as a
finding, a successor it would over-allocate as a concern).
--format json: { person, name, leaves, date, responsibilities: [{ kind (raci|backup|onCall|oversight|
stakeholder|teamLead|codeowners), activity, product, letter, rotation, team, description, location,
successor: { id, name, reasons, concerns } | null, alternatives, need, changes }], scoreBefore,
scoreAfter, newFindings, resolvedFindings, files, applied?, diff? }. --format markdown is the
description of the pull request that makes the handover.
Exit 0 (a handover is information, also when the person holds nothing); 2 on an unknown person, a bad
date, an invalid model, or --apply on a model that changed since it was read (nothing is written).
Examples:
  mlteam handover omar                         # who should take over what Omar holds
  mlteam handover omar --format json
  mlteam handover omar --to sam                # give it all to Sam: what would that cause?
  mlteam handover omar --date 2027-01-10 --apply
  mlteam handover omar --apply --format markdown > pr.md   # write it, and describe the pull request`,
    )
    .action(async (person: string, model: string, options) => handover(person, model, options));
}
