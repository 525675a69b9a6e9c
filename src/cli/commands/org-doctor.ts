import type { Command } from "commander";
import type { OrgDoctorFormat } from "../../render/org-doctor.ts";
import { VERSION } from "../../version.ts";
import { CommandFailed } from "../exit.ts";
import { out, stdoutColors } from "../io.ts";
import { format } from "../options.ts";
import { today } from "../today.ts";

interface OrgDoctorOptions {
  config: string;
  team?: string[];
  format: OrgDoctorFormat;
}

/** `mlteam org doctor`: the whole organisation checked as one model; exit 1 on an error anywhere. */
export async function orgDoctor(options: OrgDoctorOptions): Promise<void> {
  const { organisationDoctor } = await import("../../app/org-doctor.ts");
  const render = await import("../../render/org-doctor.ts");
  // A malformed organisation file is an InvalidModelError, reported at the CLI's edge (cli/main.ts).
  const result = await organisationDoctor({
    config: options.config,
    today: today(),
    ...(options.team ? { teams: options.team } : {}),
  });
  if (options.format === "json") out(render.renderOrgDoctorJson(result));
  else if (options.format === "markdown") out(render.renderOrgDoctorMarkdown(result));
  else if (options.format === "sarif") out(render.renderOrgDoctorSarif(result, VERSION, result.repos));
  else out(render.renderOrgDoctorText(result, stdoutColors()));
  const failing =
    result.findings.some((f) => f.severity === "error") ||
    result.teams.some(
      (t) => t.error !== undefined || !t.valid || t.findings.some((f) => f.severity === "error"),
    );
  if (failing) throw new CommandFailed("findings");
}

export function register(org: Command): void {
  org
    .command("doctor")
    .description(
      "check every team in the context of the whole organisation, and the organisation-wide rules — no server or database needed",
    )
    .option("-c, --config <file>", "the organisation file", "mlteam-org.yaml")
    .option("--team <id...>", "check only these teams (the organisation-wide rules then see only them)")
    .addOption(format(["text", "json", "markdown", "sarif"], "text"))
    .addHelpText(
      "after",
      `
Every source is read at its branch head from git, as \`mlteam org sync\` reads it (remote ones are
mirrored into .mlteam-org/repos/ beside the organisation file), and each team is checked with the
same use case the sync and \`mlteam org serve\` use, so all three agree. In the organisation:
  - references resolve across sources: a platform's \`serves\`, \`reportsTo\`, RACI C and I, a
    product's team; one that resolves nowhere is an error located in its file;
  - people of different sources are one person when their ids, an e-mail or a handle match;
  - a team served by a platform team gets no finding for what that team provides (its people and
    general RACI rows count), and a RACI row's roles resolve within the team and those serving it.
Organisation-wide rules (docs/rules/organisation/): a person over-allocated across teams, the same
person Accountable for production-critical activities in several teams, a single point of failure
shared by teams, a product team no platform serves, a team with no sponsor up its reportsTo line,
conflicting identities, stale and invalid models.
JSON: { "organisation", "teams": [ { "id", "name", "score", "findings": [...] } ], "findings": [...] }.
Exit codes: 0 no error, 1 an error finding (in a team or across teams), a source that could not be
read or an invalid team model, 2 a malformed organisation file or an unknown --team.
Examples:
  mlteam org doctor
  mlteam org doctor --team fraud --format json
  mlteam org doctor --format sarif > org.sarif`,
    )
    .action(async (options: OrgDoctorOptions) => orgDoctor(options));
}
