/** The use case behind `mlteam export`: the team in other tools' formats. */

import { didYouMean, quote } from "../model/suggest.ts";
import { renderBackstage } from "../render/export/backstage.ts";
import { renderCodeowners } from "../render/export/codeowners.ts";
import {
  BACKSTAGE_CARRIES,
  droppedFields,
  droppedWarnings,
  TEAM_API_CARRIES,
} from "../render/export/dropped.ts";
import { renderTeamJson } from "../render/export/json.ts";
import { renderMermaid } from "../render/export/mermaid.ts";
import { renderPeopleCsv } from "../render/export/people-csv.ts";
import { renderTeamApi } from "../render/export/team-api.ts";
import { renderXlsx } from "../render/export/xlsx.ts";
import type { ValidTeamCheck } from "./check-team.ts";
import { InputError } from "./errors.ts";

export const EXPORT_FORMATS = [
  "csv",
  "xlsx",
  "json",
  "mermaid",
  "codeowners",
  "backstage",
  "team-api",
] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The export as text, or as bytes for the XLSX workbook (whose Findings sheet is the doctor's). */
export async function exportTeam(
  check: ValidTeamCheck,
  format: ExportFormat,
  options: { team?: string } = {},
): Promise<string | Buffer> {
  const { graph } = check;
  const { team } = options;
  if (team !== undefined) {
    if (format !== "codeowners") throw new InputError(`--team applies to --format codeowners, not ${format}`);
    if (!graph.teams.has(team))
      throw new InputError(
        `unknown team ${quote(team)}${didYouMean(team, graph.teams.keys())} (the model's teams: ${[...graph.teams.keys()].join(", ") || "none"})`,
      );
    return renderCodeowners(graph, { teams: [team] });
  }
  switch (format) {
    case "csv":
      return renderPeopleCsv(graph);
    case "json":
      return renderTeamJson(graph);
    case "mermaid":
      return renderMermaid(graph);
    case "codeowners":
      return renderCodeowners(graph);
    case "backstage":
      return renderBackstage(graph);
    case "team-api":
      return renderTeamApi(graph);
    case "xlsx":
      return renderXlsx(graph, check.findings);
  }
}

/**
 * What a format cannot carry of the model, as located warnings (`mlteam export` prints them on
 * standard error): Backstage and Team API hold part of the model; the other formats either carry it
 * whole (xlsx, json) or are views that do not claim to (csv, mermaid, codeowners).
 */
export function exportWarnings(check: ValidTeamCheck, format: ExportFormat): string[] {
  if (format === "backstage")
    return droppedWarnings("Backstage", droppedFields(check.graph.model, BACKSTAGE_CARRIES));
  if (format === "team-api")
    return droppedWarnings("Team API", droppedFields(check.graph.model, TEAM_API_CARRIES));
  return [];
}
