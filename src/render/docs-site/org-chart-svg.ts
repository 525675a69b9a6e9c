/** The organisation chart as a static SVG drawing, from its ELK layout (the docs site's page). */
import { escapeHtml as escapeXml } from "../escape.ts";
import type { ChartNodeLayout, OrgChartLayout } from "../org-chart-layout.ts";

const FILL: Record<ChartNodeLayout["kind"], string> = {
  person: "#ffffff",
  sponsor: "#fff4d6",
  vacancy: "#f7f8fa",
  team: "#e3ebf6",
};

export function orgChartSvg(layout: OrgChartLayout, title = "Organisation chart"): string {
  const width = Math.ceil(layout.width + 20);
  const height = Math.ceil(layout.height + 20);
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="-10 -10 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${escapeXml(title)}">`,
    '<defs><marker id="org-arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="#556"/></marker></defs>',
  ];
  for (const g of layout.groups)
    parts.push(
      `<rect x="${g.x}" y="${g.y}" width="${g.width}" height="${g.height}" rx="8" fill="#f3f6fa" stroke="#aab4c0"/>`,
    );
  for (const e of layout.edges) {
    const points = e.points.map((p) => `${p.x},${p.y}`).join(" ");
    const dashed = e.kind === "vacancy" ? ' stroke-dasharray="5 3"' : "";
    parts.push(
      `<polyline points="${points}" fill="none" stroke="#556"${dashed} marker-end="url(#org-arrow)"/>`,
    );
  }
  for (const n of layout.nodes) parts.push(nodeSvg(n));
  parts.push("</svg>");
  return parts.join("\n");
}

/** A box with its lines, the first in bold; a vacancy's border dashed; its whole meaning as a tooltip. */
function nodeSvg(n: ChartNodeLayout): string {
  const border = n.kind === "vacancy" ? ' stroke-dasharray="5 3"' : "";
  const text = n.lines
    .map(
      (line, i) =>
        `<text x="${n.width / 2}" y="${20 + i * 16}" text-anchor="middle" font-family="sans-serif" font-size="${i === 0 ? 13 : 11}"${i === 0 ? ' font-weight="bold"' : ' fill="#333"'}>${escapeXml(line)}</text>`,
    )
    .join("");
  return `<g transform="translate(${n.x},${n.y})"><title>${escapeXml(n.label)}</title><rect width="${n.width}" height="${n.height}" rx="4" fill="${FILL[n.kind]}" stroke="#667"${border}/>${text}</g>`;
}
