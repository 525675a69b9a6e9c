/**
 * The organisation chart laid out by ELK (elkjs, layered, top-down): a box per team holding its
 * people and vacancies under a header node for the team, the executive sponsors outside the boxes
 * on the first layer, an edge from each manager to each person reporting to them (across boxes)
 * and from a team's lead to its vacancies. Every box carries the lines it shows, so the docs site's
 * SVG and the dashboard draw the same text. Coordinates are absolute (ELK's root coordinates).
 */
import ELK from "elkjs/lib/elk.bundled.js";
import type { ChartPerson, ChartTeam, ChartVacancy, OrgChart } from "../app/org-chart.ts";

export interface LayoutBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface ChartNodeLayout extends LayoutBox {
  id: string;
  kind: "person" | "sponsor" | "vacancy" | "team";
  /** The person's key, the vacancy's id, or the team's id (a source, or `<source>/<model team>`). */
  ref: string;
  /** What the box shows, each line cut to fit. */
  lines: string[];
  /** Everything the box stands for, in words (for an accessible name or a tooltip). */
  label: string;
}

export interface ChartGroupLayout extends LayoutBox {
  id: string;
  /** The team's id (as in {@link ChartNodeLayout.ref}). */
  ref: string;
}

export interface ChartEdgeLayout {
  id: string;
  kind: "reports" | "vacancy";
  from: string;
  to: string;
  points: { x: number; y: number }[];
}

export interface OrgChartLayout {
  width: number;
  height: number;
  groups: ChartGroupLayout[];
  nodes: ChartNodeLayout[];
  edges: ChartEdgeLayout[];
}

export interface LayoutOptions {
  /** `team`: a box per team of the organisation (source); `modelTeam`: a box per team of the models. */
  groupBy: "team" | "modelTeam";
}

interface ElkNode {
  id: string;
  x?: number;
  y?: number;
  width?: number;
  height?: number;
  children?: ElkNode[];
  layoutOptions?: Record<string, string>;
}
interface ElkEdge {
  id: string;
  layoutOptions?: Record<string, string>;
  sources: string[];
  targets: string[];
  sections?: {
    id: string;
    startPoint: { x: number; y: number };
    endPoint: { x: number; y: number };
    bendPoints?: { x: number; y: number }[];
  }[];
}

/** The longest line a box shows; longer ones end in "…". */
const MAX_CHARS = 34;
const CHAR_WIDTH = 7;
const LINE_HEIGHT = 16;

const cut = (line: string) => (line.length > MAX_CHARS ? `${line.slice(0, MAX_CHARS - 1)}…` : line);
const percent = (n: number | null) => (n === null ? "not recorded" : `${n} %`);

/** Where each box of the chart goes. */
export async function layOutOrgChart(chart: OrgChart, options: LayoutOptions): Promise<OrgChartLayout> {
  const boxes = chartBoxes(chart, options);
  const elk = new ELK.default();
  const laid = (await elk.layout({
    id: "root",
    layoutOptions: {
      "elk.algorithm": "layered",
      "elk.direction": "DOWN",
      "elk.hierarchyHandling": "INCLUDE_CHILDREN",
      "elk.json.shapeCoords": "ROOT",
      "elk.json.edgeCoords": "ROOT",
      "elk.spacing.nodeNode": "20",
      "elk.layered.spacing.nodeNodeBetweenLayers": "36",
      "elk.padding": "[top=0,left=0,bottom=0,right=0]",
      "elk.layered.mergeEdges": "true",
    },
    children: boxes.root,
    edges: boxes.edges,
  })) as ElkNode & { edges?: ElkEdge[] };
  return collect(laid, boxes);
}

interface Boxes {
  root: ElkNode[];
  edges: ElkEdge[];
  nodes: Map<string, Omit<ChartNodeLayout, keyof LayoutBox>>;
  groups: Map<string, string>;
  /** Edges that only hold a team's header above its people (not drawn). */
  hidden: Set<string>;
}

/** The ELK graph: the groups with their header, people and vacancies; the sponsors and the rest at the top level. */
function chartBoxes(chart: OrgChart, options: LayoutOptions): Boxes {
  const boxes: Boxes = { root: [], edges: [], nodes: new Map(), groups: new Map(), hidden: new Set() };
  const groups = new Map<string, ElkNode>();
  const groupOfNode = new Map<string, string>();
  const place = (node: ElkNode, group: string | undefined) => {
    const parent = group === undefined ? undefined : groups.get(group);
    (parent?.children ?? boxes.root).push(node);
    if (parent) groupOfNode.set(node.id, parent.id);
  };
  for (const team of teamHeaders(chart, options)) {
    const id = `g:${team.ref}`;
    const group: ElkNode = {
      id,
      children: [],
      layoutOptions: { "elk.padding": "[top=12,left=12,bottom=12,right=12]" },
    };
    groups.set(team.ref, group);
    boxes.groups.set(id, team.ref);
    boxes.root.push(group);
    addNode(boxes, place, team, team.ref);
  }
  for (const person of chart.people) {
    const node = personNode(person, chart);
    addNode(boxes, place, node, person.sponsor ? undefined : groupOf(person, options));
  }
  for (const vacancy of chart.vacancies)
    addNode(boxes, place, vacancyNode(vacancy), vacancyGroup(vacancy, options));
  addEdges(boxes, chart);
  holdHeadersOnTop(boxes, groupOfNode);
  holdSponsorsOnTop(boxes);
  return boxes;
}

type NodeFacts = Omit<ChartNodeLayout, keyof LayoutBox>;

function addNode(
  boxes: Boxes,
  place: (node: ElkNode, group: string | undefined) => void,
  facts: NodeFacts,
  group: string | undefined,
): void {
  boxes.nodes.set(facts.id, facts);
  const width = Math.max(130, Math.max(...facts.lines.map((l) => l.length)) * CHAR_WIDTH + 20);
  const node: ElkNode = { id: facts.id, width, height: facts.lines.length * LINE_HEIGHT + 14 };
  place(node, group);
}

/** A header per group: the team with its figures, or the model's team with its type. */
function teamHeaders(chart: OrgChart, { groupBy }: LayoutOptions): NodeFacts[] {
  if (groupBy === "team") return chart.teams.map(teamHeader);
  return chart.teams.flatMap((team) =>
    team.modelTeams.map((t) => {
      const ref = `${team.id}/${t.id}`;
      return {
        id: `t:${ref}`,
        kind: "team" as const,
        ref,
        lines: [cut(t.name), `${t.type} team`],
        label: `${t.name}, ${t.type} team`,
      };
    }),
  );
}

function teamHeader(team: ChartTeam): NodeFacts {
  const { error, warn } = team.counts;
  const health = team.score === null ? (team.error ? "not synced" : "invalid") : `health ${team.score}`;
  const findings = `${error} ${error === 1 ? "error" : "errors"}, ${warn} ${warn === 1 ? "warning" : "warnings"}`;
  const size = `${team.people} ${team.people === 1 ? "person" : "people"}${team.vacancies ? `, ${team.vacancies} open` : ""}`;
  return {
    id: `t:${team.id}`,
    kind: "team",
    ref: team.id,
    lines: [cut(team.name), cut(`${health} · ${findings}`), cut(size)],
    label: `${team.name}: ${health}, ${findings}, ${size}`,
  };
}

const groupOf = (person: ChartPerson, { groupBy }: LayoutOptions): string | undefined => {
  if (groupBy === "team") return person.team;
  const modelTeam = person.teams.find((m) => m.team === person.team)?.modelTeams[0];
  return modelTeam === undefined ? undefined : `${person.team}/${modelTeam}`;
};

const vacancyGroup = (v: ChartVacancy, { groupBy }: LayoutOptions): string | undefined =>
  groupBy === "team" ? v.team : v.modelTeam === undefined ? undefined : `${v.team}/${v.modelTeam}`;

/** A person's box: name, roles, time in each team. */
function personNode(person: ChartPerson, chart: OrgChart): NodeFacts {
  const name = `${person.name}${person.employment === "employee" ? "" : ` (${person.employment})`}`;
  const roles = person.roles.join(", ") || "no role";
  const time =
    person.teams.length === 1
      ? percent(person.teams[0]?.allocation ?? null)
      : person.teams.map((m) => `${m.team} ${percent(m.allocation)}`).join(" · ");
  const names = new Map(chart.people.map((p) => [p.key, p.name]));
  const managers = [...person.managers.map((k) => names.get(k) ?? k), ...person.unknownManagers];
  const others = person.roles.filter((r) => r !== "executive-sponsor").join(", ");
  const lines = [
    cut(name),
    cut(person.sponsor ? `executive sponsor${others ? `, ${others}` : ""}` : roles),
    ...allocationLines(person).map(cut),
  ];
  return {
    id: `p:${person.key}`,
    kind: person.sponsor ? "sponsor" : "person",
    ref: person.key,
    lines,
    label: `${name}${person.sponsor ? ", executive sponsor" : ""}: ${roles}; allocation ${time}${person.over ? " (over-allocated)" : ""}${managers.length ? `; reports to ${managers.join(" and ")}` : ""}`,
  };
}

/** The person's time: one line in one team; a line per team (at most three) in several. */
function allocationLines(person: ChartPerson): string[] {
  if (person.teams.length === 1) return [`allocation ${percent(person.teams[0]?.allocation ?? null)}`];
  const lines = person.teams.slice(0, 3).map((m) => `${m.team} ${percent(m.allocation)}`);
  if (person.teams.length > 3) lines.push(`and ${person.teams.length - 3} more teams`);
  return lines;
}

function vacancyNode(v: ChartVacancy): NodeFacts {
  return {
    id: `v:${v.id}`,
    kind: "vacancy",
    ref: v.id,
    lines: [cut(`Vacancy: ${v.role}`), cut(`${v.status}${v.modelTeam ? ` · ${v.modelTeam}` : ""}`)],
    label: `Vacancy for ${v.role} (${v.status})${v.modelTeam ? ` in ${v.modelTeam}` : ""}`,
  };
}

/**
 * The reporting lines and the vacancies under their team's lead. A person drawn in one team who
 * reports to someone else in another (a dotted line) is the edge ELK may point upwards when the two
 * teams' boxes cannot both be above each other; the line in the team they are drawn in keeps down.
 */
function addEdges(boxes: Boxes, chart: OrgChart): void {
  const primary = new Set(
    chart.people.map((p) => `${p.teams.find((m) => m.team === p.team)?.manager}>${p.key}`),
  );
  for (const { from, to } of chart.edges)
    boxes.edges.push({
      id: `r:${from}>${to}`,
      sources: [`p:${from}`],
      targets: [`p:${to}`],
      ...(primary.has(`${from}>${to}`) ? { layoutOptions: { "elk.layered.priority.direction": "10" } } : {}),
    });
  for (const v of chart.vacancies)
    if (v.under !== undefined)
      boxes.edges.push({ id: `ve:${v.id}`, sources: [`p:${v.under}`], targets: [`v:${v.id}`] });
}

/** Each group's header above the group's people who have no manager in the group (edges not drawn). */
function holdHeadersOnTop(boxes: Boxes, groupOfNode: Map<string, string>): void {
  const managed = new Set<string>();
  for (const e of boxes.edges) {
    const [source, target] = [e.sources[0] ?? "", e.targets[0] ?? ""];
    if (groupOfNode.get(source) !== undefined && groupOfNode.get(source) === groupOfNode.get(target))
      managed.add(target);
  }
  for (const [node, group] of groupOfNode) {
    const header = `t:${boxes.groups.get(group)}`;
    if (node === header || managed.has(node)) continue;
    const id = `h:${node}`;
    boxes.hidden.add(id);
    boxes.edges.push({ id, sources: [header], targets: [node] });
  }
}

/**
 * The sponsors above everything else: an edge (not drawn) from each to every team's header and to
 * every box outside the teams that nobody manages. (ELK's layer constraints do not hold across a
 * hierarchy laid out as one graph.)
 */
function holdSponsorsOnTop(boxes: Boxes): void {
  const sponsors = [...boxes.nodes.values()].filter((n) => n.kind === "sponsor").map((n) => n.id);
  const managed = new Set(boxes.edges.map((e) => e.targets[0]));
  const tops = [
    ...[...boxes.groups.values()].map((ref) => `t:${ref}`),
    ...boxes.root
      .filter((n) => boxes.nodes.get(n.id)?.kind !== "sponsor" && !managed.has(n.id))
      .map((n) => n.id),
  ].filter((id) => boxes.nodes.has(id));
  for (const sponsor of sponsors)
    for (const top of tops) {
      const id = `s:${sponsor}>${top}`;
      boxes.hidden.add(id);
      boxes.edges.push({ id, sources: [sponsor], targets: [top] });
    }
}

/** The laid-out boxes, groups and drawn edges, in absolute coordinates. */
function collect(laid: ElkNode & { edges?: ElkEdge[] }, boxes: Boxes): OrgChartLayout {
  const layout: OrgChartLayout = {
    width: Math.ceil(laid.width ?? 0),
    height: Math.ceil(laid.height ?? 0),
    groups: [],
    nodes: [],
    edges: [],
  };
  const box = (n: ElkNode): LayoutBox => ({
    x: n.x ?? 0,
    y: n.y ?? 0,
    width: n.width ?? 0,
    height: n.height ?? 0,
  });
  const visit = (n: ElkNode) => {
    const group = boxes.groups.get(n.id);
    if (group !== undefined) layout.groups.push({ id: n.id, ref: group, ...box(n) });
    const facts = boxes.nodes.get(n.id);
    if (facts) layout.nodes.push({ ...facts, ...box(n) });
    for (const child of n.children ?? []) visit(child);
  };
  for (const child of laid.children ?? []) visit(child);
  for (const e of laid.edges ?? []) {
    if (boxes.hidden.has(e.id)) continue;
    layout.edges.push({
      id: e.id,
      kind: e.id.startsWith("ve:") ? "vacancy" : "reports",
      from: e.sources[0] ?? "",
      to: e.targets[0] ?? "",
      points: (e.sections ?? []).flatMap((s) => [s.startPoint, ...(s.bendPoints ?? []), s.endPoint]),
    });
  }
  return layout;
}
