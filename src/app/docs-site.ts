/** The use case behind `mlteam docs`: the team's documentation site, built from the same check as the doctor. */
import { snapshotOf } from "../org/snapshot.ts";
import { pageHtml } from "../render/docs-site/html.ts";
import { orgChartPage } from "../render/docs-site/org-chart-page.ts";
import { orgChartSvg } from "../render/docs-site/org-chart-svg.ts";
import { sitePages } from "../render/docs-site/pages.ts";
import { topologySvg } from "../render/docs-site/topology-svg.ts";
import { layOutOrgChart } from "../render/org-chart-layout.ts";
import type { ValidTeamCheck } from "./check-team.ts";
import { buildOrgChart, type OrgChart } from "./org-chart.ts";

export interface SiteFile {
  /** Path inside the site, e.g. "people/meghan.md". */
  path: string;
  content: string;
}

/** Every page of the site, in Markdown and in HTML, side by side. */
export async function buildDocsSite(check: ValidTeamCheck): Promise<SiteFile[]> {
  const chart = teamOrgChart(check);
  const pages = [
    ...sitePages({ graph: check.graph, findings: check.findings, score: check.score }),
    orgChartPage(chart),
  ];
  const svg = await topologySvg(check.graph);
  const orgSvg = orgChartSvg(await layOutOrgChart(chart, { groupBy: "modelTeam" }));
  return pages.flatMap((page) => [
    { path: page.path, content: page.markdown },
    { path: page.path.replace(/\.md$/, ".html"), content: pageHtml(page, svg, orgSvg) },
  ]);
}

/**
 * The organisation chart of the team's own model: the same chart the organisation draws, from the
 * snapshot the organisation would keep of this check (its people, `reportsTo`, teams and openings).
 */
export function teamOrgChart(check: ValidTeamCheck): OrgChart {
  // One model: a person's id is their key (two people of the same name stay two).
  const snapshot = snapshotOf(check, {
    teamId: "team",
    commit: "",
    committedAt: "",
    syncedAt: "",
    files: {},
    keyOf: (p) => p.id,
  });
  return buildOrgChart([snapshot]);
}
