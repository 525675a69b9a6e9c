import { join } from "node:path";
import { type Command, Option } from "commander";
import type { Framework } from "../../analysis/rule.ts";
import type { AuditFormat } from "../../app/governance-pack.ts";
import { CommandFailed } from "../exit.ts";
import { out } from "../io.ts";
import { today } from "../today.ts";

interface OrgAuditOptions {
  config: string;
  framework: Framework;
  format: AuditFormat;
  team?: string[];
  out?: string;
}

const EXTENSION: Record<AuditFormat, string> = { markdown: "md", html: "html", json: "json" };

/** `mlteam org audit`: each team's evidence pack; exit 1 on a gap or a team without a pack. */
export async function orgAudit(options: OrgAuditOptions): Promise<void> {
  const { organisationAudit } = await import("../../app/org-audit.ts");
  const { renderAuditPack } = await import("../../app/governance-pack.ts");
  const { writeOutput } = await import("../../app/write-output.ts");
  const audit = await organisationAudit({
    config: options.config,
    framework: options.framework,
    today: today(),
    ...(options.team ? { teams: options.team } : {}),
  });
  if (options.out !== undefined) {
    for (const t of audit.teams) {
      if (!t.pack) {
        out(`skipped ${t.id}: ${t.skipped}`);
        continue;
      }
      const file = join(options.out, `audit-${options.framework}-${t.id}.${EXTENSION[options.format]}`);
      writeOutput(file, renderAuditPack(t.pack, options.format));
      out(`Wrote ${file}.`);
    }
  } else if (options.format === "json") out(JSON.stringify(audit, null, 2));
  else
    out(
      audit.teams
        .map((t) =>
          t.pack ? renderAuditPack(t.pack, "markdown").trimEnd() : `## ${t.name}\n\nNo pack: ${t.skipped}`,
        )
        .join("\n\n---\n\n"),
    );
  const failing = audit.teams.some((t) => !t.pack || t.pack.clauses.some((c) => c.status === "gap"));
  if (failing) throw new CommandFailed("findings");
}

export function register(org: Command): void {
  org
    .command("audit")
    .description("a governance framework's evidence pack for each team, from its check in the organisation")
    .option("-c, --config <file>", "the organisation file", "mlteam-org.yaml")
    .addOption(
      new Option("--framework <framework>", "the framework")
        .choices(["eu-ai-act", "iso-42001", "nist-ai-rmf"])
        .makeOptionMandatory(),
    )
    .option("--team <id...>", "only these teams")
    .addOption(
      new Option("-f, --format <format>", "what to write (html only with --out)")
        .choices(["markdown", "html", "json"])
        .default("markdown"),
    )
    .option("-o, --out <dir>", "write audit-<framework>-<team>.<md|html|json> per team into this folder")
    .addHelpText(
      "after",
      `
Each team's pack is \`mlteam audit\`'s, over the team checked in its organisation: its RACI rows resolve
within the team and the teams serving it, so a product's builders and overseers are never people of
another team. JSON: { "organisation", "framework", "teams": [ { "id", "name", "pack" | "skipped" } ] }.
Exit codes: 0 no gap, 1 a clause with a gap or a team without a pack, 2 a malformed organisation file
or an unknown --team.
Examples:
  mlteam org audit --framework eu-ai-act --team fraud
  mlteam org audit --framework iso-42001 --format html --out audit/`,
    )
    .action(async (options: OrgAuditOptions) => {
      if (options.format === "html" && options.out === undefined) {
        const { InputError } = await import("../../app/errors.ts");
        throw new InputError("--format html writes one document per team: pass --out <dir>");
      }
      await orgAudit(options);
    });
}
