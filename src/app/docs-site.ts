/** The use case behind `mlteam docs`: the team's documentation site, built from the same check as the doctor. */
import { pageHtml } from "../render/docs-site/html.ts";
import { sitePages } from "../render/docs-site/pages.ts";
import { topologySvg } from "../render/docs-site/topology-svg.ts";
import type { ValidTeamCheck } from "./check-team.ts";

export interface SiteFile {
  /** Path inside the site, e.g. "people/meghan.md". */
  path: string;
  content: string;
}

/** Every page of the site, in Markdown and in HTML, side by side. */
export async function buildDocsSite(check: ValidTeamCheck): Promise<SiteFile[]> {
  const pages = sitePages({ graph: check.graph, findings: check.findings, score: check.score });
  const svg = await topologySvg(check.graph);
  return pages.flatMap((page) => [
    { path: page.path, content: page.markdown },
    { path: page.path.replace(/\.md$/, ".html"), content: pageHtml(page, svg) },
  ]);
}
