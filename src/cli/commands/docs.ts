import { join } from "node:path";
import type { Command } from "commander";
import { out } from "../io.ts";
import { DEFAULT_MODEL_FILE, MODEL_ARG } from "../options.ts";

export interface DocsOptions {
  out: string;
}

/** `mlteam docs`: the team's documentation site, in Markdown and HTML, with the doctor's own findings. */
export async function docs(modelPath: string, options: DocsOptions): Promise<void> {
  const { buildDocsSite } = await import("../../app/docs-site.ts");
  const { writeOutput } = await import("../../app/write-output.ts");
  const { checkValidModel } = await import("../load.ts");
  const files = await buildDocsSite(await checkValidModel(modelPath));
  for (const file of files) writeOutput(join(options.out, file.path), file.content);
  out(
    `Wrote ${files.length / 2} pages (Markdown and HTML) to ${options.out}; open ${join(options.out, "index.html")}.`,
  );
}

/** `mlteam docs`: its flags and help, beside what it does. */
export function register(program: Command): void {
  program
    .command("docs")
    .description(
      "write the team's documentation site: charter, role and person cards, RACI, skills, stakeholders, system documents",
    )
    .argument("[model]", MODEL_ARG, DEFAULT_MODEL_FILE)
    .option("-o, --out <dir>", "where to write the site", "docs/team")
    .addHelpText(
      "after",
      `
Writes Markdown (GitHub renders its Mermaid diagram) and HTML (the topology drawn as SVG) side by
side: index (the team charter with the doctor's summary), roles/, people/, raci, skills,
stakeholders, and for each production ML system an ML science document and a system tech spec,
prefilled from the model for the team to complete (000 §8A.3).
Examples:
  mlteam docs
  mlteam docs examples/embedded-platform --out site`,
    )
    .action(async (model: string, options) => docs(model, options));
}
