import type { Command } from "commander";
import type { OrgExportFormat } from "../../app/org-export.ts";
import { CommandFailed } from "../exit.ts";
import { out } from "../io.ts";
import { today } from "../today.ts";

interface OrgExportOptions {
  config: string;
  format: OrgExportFormat;
  out: string;
}

/** `mlteam org export`: one file per team, from its check in the organisation; exit 1 when a team was skipped. */
export async function orgExport(options: OrgExportOptions): Promise<void> {
  const { exportOrganisation } = await import("../../app/org-export.ts");
  const outcomes = await exportOrganisation({ ...options, today: today() });
  for (const o of outcomes) out(o.file ? `wrote ${o.file}` : `skipped ${o.team}: ${o.skipped}`);
  if (outcomes.some((o) => o.skipped)) throw new CommandFailed("findings");
}

export function register(org: Command): void {
  org
    .command("export")
    .description(
      "write one file per team of the organisation, each from the team's check in the organisation",
    )
    .option("-c, --config <file>", "the organisation file", "mlteam-org.yaml")
    .requiredOption("--format <format>", "what to write: codeowners")
    .requiredOption("-o, --out <dir>", "the folder to write into: <dir>/<team id>/CODEOWNERS")
    .addHelpText(
      "after",
      `
codeowners: each team's CODEOWNERS, for its own repository — each activity's paths owned by its
Accountable (their handle, or their team's), only ever that team's people, those of the teams serving
it (a platform's people own the deployment files it is Accountable for) and their handles; never
another team's. Copy <dir>/<team>/CODEOWNERS into that repository's .github/.
Exit codes: 0 every team written, 1 a team skipped (its source could not be read or its model is
invalid), 2 a malformed organisation file or an unknown format.
Example:
  mlteam org export --format codeowners --out build/codeowners`,
    )
    .action(async (options: OrgExportOptions) => orgExport(options));
}
