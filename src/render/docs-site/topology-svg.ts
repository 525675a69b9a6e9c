/** The topology as an SVG diagram, laid out on the server by ELK (elkjs): teams, products, who serves whom. */

import ELK from "elkjs/lib/elk.bundled.js";
import type { TeamGraph } from "../../graph/types.ts";
import { maxOf } from "../../model/append.ts";

import { escapeHtml as escapeXml } from "../escape.ts";

interface ElkPoint {
  x: number;
  y: number;
}
interface ElkNode {
  id: string;
  x?: number;
  y?: number;
  width: number;
  height: number;
  labels?: { text: string }[];
}
interface ElkEdge {
  id: string;
  sources: string[];
  targets: string[];
  sections?: { id: string; startPoint: ElkPoint; endPoint: ElkPoint; bendPoints?: ElkPoint[] }[];
}

interface ElkLayout {
  width?: number;
  height?: number;
  children?: ElkNode[];
  edges?: ElkEdge[];
}

export async function topologySvg(graph: TeamGraph): Promise<string> {
  const { nodes, labels } = topologyNodes(graph);
  const laid = await layOut(nodes, topologyEdges(graph));
  const width = Math.ceil((laid.width ?? 0) + 20);
  const height = Math.ceil((laid.height ?? 0) + 20);
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="-10 -10 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="Team topology">`,
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="#555"/></marker></defs>',
  ];
  for (const edge of laid.edges ?? []) parts.push(...edgeSvg(edge));
  for (const node of laid.children ?? []) parts.push(...nodeSvg(node, labels.get(node.id) ?? []));
  parts.push("</svg>");
  return parts.join("\n");
}

/** A box wide enough for its longest line, and no narrower than `min`. */
const boxWidth = (lines: string[], min: number) =>
  Math.max(
    min,
    7.5 *
      maxOf(
        lines.map((l) => l.length),
        0,
      ),
  );

/** A node per team ("t:<id>") and per product ("p:<id>"), with the two lines each shows. */
function topologyNodes(graph: TeamGraph): { nodes: ElkNode[]; labels: Map<string, string[]> } {
  const nodes: ElkNode[] = [];
  const labels = new Map<string, string[]>();
  for (const team of graph.teams.values()) {
    const lines = [
      `${team.source.name ?? team.id}`,
      `${team.source.type} · ${team.members.length} ${team.members.length === 1 ? "member" : "members"}`,
    ];
    labels.set(`t:${team.id}`, lines);
    nodes.push({ id: `t:${team.id}`, width: boxWidth(lines, 160), height: 46 });
  }
  for (const product of graph.products.values()) {
    const lines = [product.source.name ?? product.id, product.source.stage];
    labels.set(`p:${product.id}`, lines);
    nodes.push({ id: `p:${product.id}`, width: boxWidth(lines, 140), height: 40 });
  }
  return { nodes, labels };
}

/** An edge per team served ("s:…") and from each product's team to the product ("o:…"). */
function topologyEdges(graph: TeamGraph): ElkEdge[] {
  const edges: ElkEdge[] = [];
  for (const team of graph.teams.values()) {
    for (const served of team.serves)
      edges.push({ id: `s:${team.id}:${served}`, sources: [`t:${team.id}`], targets: [`t:${served}`] });
  }
  for (const product of graph.products.values()) {
    if (product.team)
      edges.push({ id: `o:${product.id}`, sources: [`t:${product.team}`], targets: [`p:${product.id}`] });
  }
  return edges;
}

/** ELK's layered layout, left to right. */
async function layOut(nodes: ElkNode[], edges: ElkEdge[]): Promise<ElkLayout> {
  const elk = new ELK.default();
  return (await elk.layout({
    id: "root",
    layoutOptions: {
      "elk.algorithm": "layered",
      "elk.direction": "RIGHT",
      "elk.spacing.nodeNode": "24",
      "elk.layered.spacing.nodeNodeBetweenLayers": "56",
    },
    children: nodes,
    edges,
  })) as ElkLayout;
}

/** An edge's sections as arrows; "serves" edges dashed. */
function edgeSvg(edge: ElkEdge): string[] {
  return (edge.sections ?? []).map((s) => {
    const points = [s.startPoint, ...(s.bendPoints ?? []), s.endPoint].map((p) => `${p.x},${p.y}`).join(" ");
    const dashed = edge.id.startsWith("s:") ? ' stroke-dasharray="5 3"' : "";
    return `<polyline points="${points}" fill="none" stroke="#555"${dashed} marker-end="url(#arrow)"/>`;
  });
}

/** A node as a box with its two lines: rounded and green for a product, square and blue for a team. */
function nodeSvg(node: ElkNode, [first = "", second = ""]: string[]): string[] {
  const product = node.id.startsWith("p:");
  return [
    `<g transform="translate(${node.x ?? 0},${node.y ?? 0})"><rect width="${node.width}" height="${node.height}" rx="${product ? 18 : 4}" fill="${product ? "#eef6ee" : "#eef2fb"}" stroke="#667"/>`,
    `<text x="${node.width / 2}" y="18" text-anchor="middle" font-family="sans-serif" font-size="13" font-weight="bold">${escapeXml(first)}</text>`,
    `<text x="${node.width / 2}" y="34" text-anchor="middle" font-family="sans-serif" font-size="11" fill="#444">${escapeXml(second)}</text></g>`,
  ];
}
