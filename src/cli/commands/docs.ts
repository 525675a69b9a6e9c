import { join } from "node:path";
import { scoreFindings } from "../../analysis/score.ts";
import { writeFileAtomic } from "../../io/write-atomic.ts";
import { pageHtml } from "../../render/docs-site/html.ts";
import { sitePages } from "../../render/docs-site/pages.ts";
import { topologySvg } from "../../render/docs-site/topology-svg.ts";
import { out } from "../io.ts";
import { loadValidModel } from "../load.ts";
import { today } from "../today.ts";

export interface DocsOptions {
  out: string;
}

/** `mlteam docs`: the team's documentation site, in Markdown and HTML. */
export async function docs(modelPath: string, options: DocsOptions): Promise<void> {
  const checked = loadValidModel(modelPath, { today: today() });
  const findings = checked.doctor?.findings ?? [];
  const pages = sitePages({ graph: checked.graph, findings, score: scoreFindings(findings) });
  const svg = await topologySvg(checked.graph);
  for (const page of pages) {
    writeFileAtomic(join(options.out, page.path), page.markdown);
    writeFileAtomic(join(options.out, page.path.replace(/\.md$/, ".html")), pageHtml(page, svg));
  }
  out(
    `Wrote ${pages.length} pages (Markdown and HTML) to ${options.out}; open ${join(options.out, "index.html")}.`,
  );
}
