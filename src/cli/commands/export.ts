import { writeFileAtomic } from "../../io/write-atomic.ts";
import { renderBackstage } from "../../render/export/backstage.ts";
import { renderCodeowners } from "../../render/export/codeowners.ts";
import { renderTeamJson } from "../../render/export/json.ts";
import { renderMermaid } from "../../render/export/mermaid.ts";
import { renderPeopleCsv } from "../../render/export/people-csv.ts";
import { renderXlsx } from "../../render/export/xlsx.ts";
import { EXIT, ExitError } from "../exit.ts";
import { out } from "../io.ts";
import { loadValidModel } from "../load.ts";
import { today } from "../today.ts";

export type ExportFormat = "csv" | "xlsx" | "json" | "mermaid" | "codeowners" | "backstage";

export interface ExportOptions {
  format: ExportFormat;
  out?: string;
}

/** `mlteam export`: the model in other tools' formats. */
export async function exportCommand(modelPath: string, options: ExportOptions): Promise<void> {
  // The workbook has a sheet of findings, so only it needs the rules run.
  const checked = loadValidModel(
    modelPath,
    options.format === "xlsx" ? { today: today() } : { validateOnly: true },
  );
  const { graph } = checked;
  let content: string | Buffer;
  switch (options.format) {
    case "csv":
      content = renderPeopleCsv(graph);
      break;
    case "json":
      content = renderTeamJson(graph);
      break;
    case "mermaid":
      content = renderMermaid(graph);
      break;
    case "codeowners":
      content = renderCodeowners(graph);
      break;
    case "backstage":
      content = renderBackstage(graph);
      break;
    case "xlsx": {
      if (options.out === undefined && process.stdout.isTTY) {
        throw new ExitError(
          EXIT.invalid,
          "an XLSX workbook is binary: pass --out <file>.xlsx (or redirect the output)",
        );
      }
      content = await renderXlsx(graph, checked.doctor?.findings ?? []);
      break;
    }
  }
  if (options.out === undefined) {
    if (typeof content === "string") out(content);
    else process.stdout.write(content);
    return;
  }
  writeFileAtomic(options.out, content);
  out(`Wrote ${options.out} (${options.format}).`);
}
