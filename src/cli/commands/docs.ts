import { join } from "node:path";
import { buildDocsSite } from "../../app/docs-site.ts";
import { writeFileAtomic } from "../../io/write-atomic.ts";
import { out } from "../io.ts";
import { checkValidModel } from "../load.ts";

export interface DocsOptions {
  out: string;
}

/** `mlteam docs`: the team's documentation site, in Markdown and HTML, with the doctor's own findings. */
export async function docs(modelPath: string, options: DocsOptions): Promise<void> {
  const files = await buildDocsSite(await checkValidModel(modelPath));
  for (const file of files) writeFileAtomic(join(options.out, file.path), file.content);
  out(
    `Wrote ${files.length / 2} pages (Markdown and HTML) to ${options.out}; open ${join(options.out, "index.html")}.`,
  );
}
