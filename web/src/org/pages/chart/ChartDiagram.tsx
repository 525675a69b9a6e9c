/**
 * The chart as SVG from the server's ELK layout: team boxes, reporting lines, and a box per person,
 * vacancy and team with its text. Person and team boxes are links (reached with Tab): a team to its
 * findings, a person to the people page; each box's whole meaning (managers, time in each team) is
 * its description. The drawing scrolls in its frame on a narrow screen.
 */
import { useEffect, useRef } from "react";
import { ScrollRegion } from "../../../pages/ScrollRegion.tsx";
import type { ChartNode, OrgChartData } from "./types.ts";

const FILL: Record<ChartNode["kind"], string> = {
  person: "#ffffff",
  sponsor: "#fff4d6",
  vacancy: "#f7f8fa",
  team: "#e3ebf6",
};

export function ChartDiagram({ chart }: { chart: OrgChartData }) {
  const { layout } = chart;
  const pad = 10;
  const width = Math.ceil(layout.width + 2 * pad);
  const height = Math.ceil(layout.height + 2 * pad);
  const teams = new Map(chart.teams.map((t) => [t.id, t]));
  const people = new Map(chart.people.map((p) => [p.key, p]));
  const frame = useRef<HTMLDivElement>(null);
  // A frame narrower than the chart opens on the sponsor (the top), not on the empty left corner.
  useEffect(() => {
    const scroller = frame.current?.querySelector(".scroll");
    const top = layout.nodes.find((n) => n.kind === "sponsor") ?? layout.nodes[0];
    if (scroller && top)
      scroller.scrollLeft = Math.max(0, top.x + pad + top.width / 2 - scroller.clientWidth / 2);
  }, [layout]);
  const target = (n: ChartNode) =>
    n.kind === "team"
      ? teams.get(n.ref)?.findingsPage
      : n.kind === "vacancy"
        ? undefined
        : `#/people?q=${encodeURIComponent(people.get(n.ref)?.name ?? n.ref)}`;
  return (
    <div className="card org-chart" data-testid="org-chart" ref={frame}>
      <ScrollRegion label="Organisation chart (scrolls sideways)">
        <svg viewBox={`${-pad} ${-pad} ${width} ${height}`} width={width} height={height}>
          <title>{`Organisation chart: ${chart.people.length} people in ${chart.teams.length} teams`}</title>
          <defs>
            <marker
              id="org-chart-arrow"
              viewBox="0 0 10 10"
              refX="10"
              refY="5"
              markerWidth="7"
              markerHeight="7"
              orient="auto-start-reverse"
            >
              <path d="M 0 0 L 10 5 L 0 10 z" fill="#556" />
            </marker>
          </defs>
          {layout.groups.map((g) => (
            <rect
              key={g.id}
              x={g.x}
              y={g.y}
              width={g.width}
              height={g.height}
              rx={8}
              fill="#f3f6fa"
              stroke="#aab4c0"
            />
          ))}
          {layout.edges.map((e) => (
            <polyline
              key={e.id}
              points={e.points.map((p) => `${p.x},${p.y}`).join(" ")}
              fill="none"
              stroke="#556"
              strokeDasharray={e.kind === "vacancy" ? "5 3" : undefined}
              markerEnd="url(#org-chart-arrow)"
            />
          ))}
          {layout.nodes.map((n) => (
            <ChartBox key={n.id} node={n} href={target(n)} />
          ))}
        </svg>
      </ScrollRegion>
    </div>
  );
}

/** A box with its lines; a link when it leads somewhere. */
function ChartBox({ node: n, href }: { node: ChartNode; href: string | undefined }) {
  const box = (
    <>
      <rect
        width={n.width}
        height={n.height}
        rx={4}
        fill={FILL[n.kind]}
        stroke="#667"
        strokeDasharray={n.kind === "vacancy" ? "5 3" : undefined}
      />
      {n.lines.map((line, i) => (
        <text
          // biome-ignore lint/suspicious/noArrayIndexKey: a box's lines never move
          key={i}
          x={n.width / 2}
          y={20 + i * 16}
          textAnchor="middle"
          fontSize={i === 0 ? 13 : 11}
          fontWeight={i === 0 ? "bold" : undefined}
          fill={i === 0 ? "#1d2330" : "#333"}
        >
          {line}
        </text>
      ))}
    </>
  );
  return (
    <g transform={`translate(${n.x},${n.y})`} data-kind={n.kind} data-ref={n.ref}>
      {href ? (
        // The link's name is the text it shows (WCAG 2.5.3); everything it stands for is its description.
        <a href={href}>
          <desc>{n.label}</desc>
          {box}
        </a>
      ) : (
        <>
          <title>{n.label}</title>
          {box}
        </>
      )}
    </g>
  );
}
