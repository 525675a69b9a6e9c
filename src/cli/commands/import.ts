import { existsSync, readFileSync } from "node:fs";
import { CATALOG } from "../../catalog/index.ts";
import { makeClassifier } from "../../evidence/classify.ts";
import { importBackstage } from "../../importers/backstage.ts";
import { importCodeowners } from "../../importers/codeowners.ts";
import { importCsvRoster } from "../../importers/csv-roster.ts";
import { importedToYaml, mergeIntoModel } from "../../importers/merge.ts";
import type { Imported } from "../../importers/types.ts";
import { writeFileAtomic } from "../../io/write-atomic.ts";
import type { Model } from "../../model/model.ts";
import { EXIT, ExitError } from "../exit.ts";
import { err, out } from "../io.ts";
import { loadValidModel } from "../load.ts";

export interface ImportOptions {
  from: "backstage" | "codeowners" | "csv";
  into?: string;
  out?: string;
}

/** `mlteam import`: people and teams from Backstage or a CSV roster, proposed RACI rows from CODEOWNERS. */
export function importCommand(file: string, options: ImportOptions): void {
  if (!existsSync(file)) throw new ExitError(EXIT.invalid, `no such file: ${file}`);
  const text = readFileSync(file, "utf8");
  const target =
    options.into ?? (existsSync("mlteam.yaml") && options.from === "codeowners" ? "mlteam.yaml" : undefined);
  const loaded = target ? loadValidModel(target, { validateOnly: true }) : undefined;
  const model: Model | undefined = loaded?.model;
  let imported: Imported;
  try {
    switch (options.from) {
      case "backstage":
        imported = importBackstage(text);
        break;
      case "csv":
        imported = importCsvRoster(
          text,
          [...(loaded?.graph.roles.values() ?? CATALOG.roles)],
          [...(loaded?.graph.competencies.values() ?? CATALOG.competencies)],
        );
        break;
      case "codeowners": {
        if (!model)
          throw new ExitError(
            EXIT.invalid,
            "importing CODEOWNERS needs a model with people's handles: pass --into <model>",
          );
        const settings = model.evidence?.settings;
        const classify = makeClassifier(
          Object.entries(settings?.patterns ?? {}).map(([activity, patterns]) => ({
            activity,
            patterns,
            origin: "model",
          })),
          { replace: settings?.replacePatterns === true },
        );
        imported = importCodeowners(text, model.people, classify);
        break;
      }
    }
  } catch (error) {
    if (error instanceof ExitError) throw error;
    throw new ExitError(EXIT.invalid, `${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  for (const note of imported.notes) err(`note: ${note}`);
  if (options.into === undefined) {
    const fragment = importedToYaml(imported, file);
    if (options.out === undefined) out(fragment);
    else {
      if (existsSync(options.out))
        throw new ExitError(
          EXIT.invalid,
          `${options.out} already exists; choose another --out, or merge with --into`,
        );
      writeFileAtomic(options.out, fragment);
      out(
        `Wrote ${options.out}: ${imported.people.length} people, ${imported.teams.length} teams, ${imported.raci.length} RACI rows.`,
      );
    }
    return;
  }
  const merged = mergeIntoModel(readFileSync(options.into, "utf8"), imported);
  if (merged.added.length > 0) writeFileAtomic(options.into, merged.text);
  out(
    `${options.into}: added ${merged.added.length}${merged.added.length ? ` (${merged.added.join(", ")})` : ""}`,
  );
  if (merged.skipped.length) out(`skipped ${merged.skipped.length}: ${merged.skipped.join(", ")}`);
}
