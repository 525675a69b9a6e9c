/**
 * The use case behind `mlteam org audit`: a governance framework's evidence pack for each team of the
 * organisation, from the team's check in the organisation — so each pack names only the people of the
 * team and of the teams serving it (its RACI rows resolve in their scope), never another team's.
 */
import { dirname, join, resolve } from "node:path";
import type { AuditPack } from "../analysis/governance-pack.ts";
import type { Framework } from "../analysis/rule.ts";
import { requireValid } from "./check-team.ts";
import { InputError } from "./errors.ts";
import { auditPack } from "./governance-pack.ts";
import { checkTeamInOrganisation, loadOrganisation, prefetchTrees, readSources } from "./org-check.ts";
import { readOrgConfig } from "./org-doctor.ts";

export interface OrgAuditTeam {
  id: string;
  name: string;
  pack?: AuditPack;
  /** Why there is no pack (the source could not be read, or the model does not validate). */
  skipped?: string;
}

export interface OrgAudit {
  organisation: string;
  framework: Framework;
  teams: OrgAuditTeam[];
}

export async function organisationAudit(options: {
  config: string;
  framework: Framework;
  today: string;
  teams?: readonly string[];
}): Promise<OrgAudit> {
  const config = readOrgConfig(options.config);
  for (const id of options.teams ?? [])
    if (!config.sources.some((s) => s.id === id))
      throw new InputError(
        `no team "${id}" in ${options.config} (the teams are ${config.sources.map((s) => s.id).join(", ")})`,
      );
  const dataDir = join(dirname(resolve(options.config)), ".mlteam-org");
  const sources = readSources(config, dataDir);
  await prefetchTrees(sources, dataDir);
  const org = loadOrganisation(sources);
  const teams: OrgAuditTeam[] = [];
  for (const source of config.sources) {
    if (options.teams && !options.teams.includes(source.id)) continue;
    const at = org.sources.read.find((r) => r.source.id === source.id);
    const failed = org.sources.failed.find((f) => f.source.id === source.id);
    if (!at || failed) {
      teams.push({ id: source.id, name: source.name ?? source.id, skipped: failed?.reason ?? "not read" });
      continue;
    }
    const checked = await checkTeamInOrganisation(org, at, {
      today: options.today,
      frameworks: [options.framework],
    });
    if (!checked.check.valid) {
      teams.push({
        id: source.id,
        name: checked.name,
        skipped: "the model does not validate (see `mlteam org doctor`)",
      });
      continue;
    }
    const pack = auditPack(
      requireValid(checked.check),
      options.framework,
      options.today,
      undefined,
      checked.name,
    );
    teams.push({ id: source.id, name: checked.name, pack });
  }
  return { organisation: config.name, framework: options.framework, teams };
}
