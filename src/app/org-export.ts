/**
 * The use case behind `mlteam org export`: one file per source, each team's own, from its check in
 * the organisation — for CODEOWNERS, the owners of a team's repository are its people, those of the
 * teams serving it and their handles, never another team's.
 */
import { dirname, join, resolve } from "node:path";
import { renderCodeowners } from "../render/export/codeowners.ts";
import { InputError } from "./errors.ts";
import { checkTeamInOrganisation, loadOrganisation, prefetchTrees, readSources } from "./org-check.ts";
import { readOrgConfig } from "./org-doctor.ts";
import { writeOutput } from "./write-output.ts";

export const ORG_EXPORT_FORMATS = ["codeowners"] as const;
export type OrgExportFormat = (typeof ORG_EXPORT_FORMATS)[number];

export interface OrgExportOptions {
  config: string;
  format: OrgExportFormat;
  /** The folder to write into: <out>/<team id>/CODEOWNERS. */
  out: string;
  today: string;
}

export interface OrgExportOutcome {
  team: string;
  /** The file written, or why none was. */
  file?: string;
  skipped?: string;
}

export async function exportOrganisation(options: OrgExportOptions): Promise<OrgExportOutcome[]> {
  if (!ORG_EXPORT_FORMATS.includes(options.format))
    throw new InputError(`--format must be one of ${ORG_EXPORT_FORMATS.join(", ")}, got "${options.format}"`);
  const config = readOrgConfig(options.config);
  const dataDir = join(dirname(resolve(options.config)), ".mlteam-org");
  const sources = readSources(config, dataDir);
  await prefetchTrees(sources, dataDir);
  const org = loadOrganisation(sources);
  const outcomes: OrgExportOutcome[] = [];
  for (const source of config.sources) {
    const at = org.sources.read.find((r) => r.source.id === source.id);
    const failed = org.sources.failed.find((f) => f.source.id === source.id);
    if (!at || failed) {
      outcomes.push({ team: source.id, skipped: failed?.reason ?? "not read" });
      continue;
    }
    const { check } = await checkTeamInOrganisation(org, at, { today: options.today });
    if (!check.valid) {
      outcomes.push({ team: source.id, skipped: "the model does not validate (see `mlteam org doctor`)" });
      continue;
    }
    const file = join(options.out, source.id, "CODEOWNERS");
    writeOutput(file, renderCodeowners(check.graph, { teams: check.model.teams.map((t) => t.id) }));
    outcomes.push({ team: source.id, file });
  }
  return outcomes;
}
