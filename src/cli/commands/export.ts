import { type ExportFormat, exportTeam } from "../../app/export-team.ts";
import { writeFileAtomic } from "../../io/write-atomic.ts";
import { EXIT, ExitError } from "../exit.ts";
import { out } from "../io.ts";
import { checkValidModel } from "../load.ts";

export interface ExportOptions {
  format: ExportFormat;
  out?: string;
}

/** `mlteam export`: the model in other tools' formats. */
export async function exportCommand(modelPath: string, options: ExportOptions): Promise<void> {
  if (options.format === "xlsx" && options.out === undefined && process.stdout.isTTY) {
    throw new ExitError(
      EXIT.invalid,
      "an XLSX workbook is binary: pass --out <file>.xlsx (or redirect the output)",
    );
  }
  const content = await exportTeam(await checkValidModel(modelPath), options.format);
  if (options.out === undefined) {
    if (typeof content === "string") out(content);
    else process.stdout.write(content);
    return;
  }
  writeFileAtomic(options.out, content);
  out(`Wrote ${options.out} (${options.format}).`);
}
