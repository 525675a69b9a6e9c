import { existsSync, readFileSync } from "node:fs";
import { type ImportKind, importEntries, importedFragment, mergeImported } from "../../app/import-file.ts";
import { writeFileAtomic } from "../../io/write-atomic.ts";
import { EXIT, ExitError } from "../exit.ts";
import { err, out } from "../io.ts";
import { loadValidModel } from "../load.ts";

export interface ImportOptions {
  from: ImportKind;
  into?: string;
  out?: string;
}

/** `mlteam import`: people and teams from Backstage or a CSV roster, proposed RACI rows from CODEOWNERS. */
export async function importCommand(file: string, options: ImportOptions): Promise<void> {
  if (!existsSync(file)) throw new ExitError(EXIT.invalid, `no such file: ${file}`);
  const text = readFileSync(file, "utf8");
  const target =
    options.into ?? (existsSync("mlteam.yaml") && options.from === "codeowners" ? "mlteam.yaml" : undefined);
  const into = target ? await loadValidModel(target) : undefined;
  const imported = importEntries(options.from, file, text, into);
  for (const note of imported.notes) err(`note: ${note}`);
  if (options.into === undefined) {
    const fragment = importedFragment(imported, file);
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
  const merged = mergeImported(readFileSync(options.into, "utf8"), imported);
  if (merged.added.length > 0) writeFileAtomic(options.into, merged.text);
  out(
    `${options.into}: added ${merged.added.length}${merged.added.length ? ` (${merged.added.join(", ")})` : ""}`,
  );
  if (merged.skipped.length) out(`skipped ${merged.skipped.length}: ${merged.skipped.join(", ")}`);
}
