/**
 * The use case behind `mlteam import`: people and teams from Backstage, an HR roster (CSV), a SCIM
 * ListResponse or a workbook, proposed RACI rows from CODEOWNERS — as a YAML fragment, or merged into
 * the whole model keeping its comments (`import-merge.ts`).
 */
import { existsSync } from "node:fs";
import { CATALOG } from "../catalog/index.ts";
import { makeClassifier } from "../evidence/classify.ts";
import { importBackstage, type ReadTarget } from "../importers/backstage.ts";
import { importCodeowners } from "../importers/codeowners.ts";
import { CsvRosterError, importCsvRoster } from "../importers/csv-roster.ts";
import { importedToYaml } from "../importers/merge.ts";
import { importScim, ScimError } from "../importers/scim.ts";
import type { Imported } from "../importers/types.ts";
import { importXlsx } from "../importers/xlsx.ts";
import { locationReader } from "../io/location-targets.ts";
import type { TeamCheck } from "./check-team.ts";
import { InputError } from "./errors.ts";

export const IMPORT_KINDS = ["backstage", "codeowners", "csv", "scim", "xlsx"] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** Reads `text` (the file `name`) as `kind`; `into` is the validated model it goes into, if any. */
export async function importEntries(
  kind: ImportKind,
  name: string,
  content: string | Buffer,
  into?: TeamCheck,
  options: { map?: Record<string, string>; read?: ReadTarget } = {},
): Promise<Imported> {
  const text = typeof content === "string" ? content : content.toString("utf8");
  try {
    switch (kind) {
      case "xlsx":
        return await importXlsx(typeof content === "string" ? Buffer.from(content, "utf8") : content);
      case "backstage":
        return importBackstage(text, {
          path: name,
          ...(options.read ? { read: options.read } : existsSync(name) ? { read: locationReader(name) } : {}),
        });
      case "csv":
        return importCsvRoster(
          text,
          [...(into?.graph.roles.values() ?? CATALOG.roles)],
          [...(into?.graph.competencies.values() ?? CATALOG.competencies)],
          options.map ? { map: options.map } : {},
        );
      case "scim":
        return importScim(text, [...(into?.graph.roles.values() ?? CATALOG.roles)]);
      case "codeowners": {
        const model = into?.model;
        const settings = model?.evidence?.settings;
        const classify = makeClassifier(
          Object.entries(settings?.patterns ?? {}).map(([activity, patterns]) => ({
            activity,
            patterns,
            origin: "model" as const,
          })),
          { replace: settings?.replacePatterns === true },
        );
        return importCodeowners(text, classify, model ? { people: model.people, teams: model.teams } : {});
      }
    }
  } catch (error) {
    if (error instanceof InputError) throw error;
    if (error instanceof CsvRosterError || error instanceof ScimError)
      throw new InputError(`${name}: ${error.message}`);
    const message = error instanceof Error ? error.message : String(error);
    // A message that already names its file (a Backstage Location target, with line and column) keeps it.
    throw new InputError(/^[^\s:]+:\d+:\d+: /.test(message) ? message : `${name}: ${message}`);
  }
}

/** The imported entries as a new YAML file. */
export const importedFragment = (imported: Imported, from: string) => importedToYaml(imported, from);
