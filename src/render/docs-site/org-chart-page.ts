/**
 * The docs site's organisation chart of one team's model: who reports to whom (`reportsTo`), people
 * by the model's teams, the executive sponsor on top and the openings as vacancies — a Mermaid
 * flowchart in the Markdown (drawn as the ELK layout's SVG in the HTML) and the same facts as tables.
 */
import type { ChartPerson, OrgChart } from "../../app/org-chart.ts";
import { mermaidText } from "../export/mermaid.ts";
import { fileId, md, type Page } from "./pages.ts";

/** The first line of the page's Mermaid block: the HTML draws the organisation chart's SVG there. */
export const ORG_CHART_MARK = "%% org-chart";

const PATH = "org-chart.md";
const node = (kind: string, id: string) => `${kind}_${id.replace(/[^A-Za-z0-9_]/g, "_")}`;
const percent = (n: number | null) => (n === null ? "not recorded" : `${n} %`);

export function orgChartPage(chart: OrgChart): Page {
  const names = new Map(chart.people.map((p) => [p.key, p]));
  const link = (p: ChartPerson) => `[${md(p.name)}](people/${fileId(p.teams[0]?.id ?? p.key)}.md)`;
  const managers = (p: ChartPerson) =>
    [
      ...p.managers.map((k) => {
        const m = names.get(k);
        return m ? link(m) : md(k);
      }),
      ...p.unknownManagers.map((id) => `${md(id)} (not in this model)`),
    ].join(", ") || "—";
  const lines = [
    "# Organisation chart",
    "",
    "Who reports to whom (`reportsTo`), people by team, the executive sponsor on top and the openings as vacancies. A manager written in another team's repository is shown by id; `mlteam org serve` draws the whole organisation.",
    "",
    "```mermaid",
    ORG_CHART_MARK,
    ...mermaidChart(chart),
    "```",
    "",
    ...sponsorLines(chart, names, link),
    ...teamTables(chart, link, managers),
    ...vacancyLines(chart),
  ];
  return { path: PATH, title: "Organisation chart", markdown: `${lines.join("\n")}\n` };
}

/** A top-down flowchart: a subgraph per model team, the sponsors outside, dashed lines to vacancies. */
function mermaidChart(chart: OrgChart): string[] {
  const lines = ["flowchart TB"];
  const label = (p: ChartPerson) =>
    `${node("p", p.key)}["${mermaidText(p.name)}<br/>${mermaidText(p.roles.join(", ") || "no role")}"]`;
  const placed = new Set<string>();
  for (const team of chart.teams)
    for (const t of team.modelTeams) {
      lines.push(`  subgraph ${node("team", t.id)}["${mermaidText(`${t.name} (${t.type})`)}"]`);
      for (const p of chart.people)
        if (!p.sponsor && !placed.has(p.key) && p.teams[0]?.modelTeams[0] === t.id) {
          lines.push(`    ${label(p)}`);
          placed.add(p.key);
        }
      for (const v of chart.vacancies.filter((v) => v.modelTeam === t.id))
        lines.push(`    ${node("v", v.id)}[/"${mermaidText(`Vacancy: ${v.role}`)}"/]`);
      lines.push("  end");
    }
  for (const p of chart.people) if (!placed.has(p.key)) lines.push(`  ${label(p)}`);
  for (const v of chart.vacancies.filter((v) => v.modelTeam === undefined))
    lines.push(`  ${node("v", v.id)}[/"${mermaidText(`Vacancy: ${v.role}`)}"/]`);
  for (const e of chart.edges) lines.push(`  ${node("p", e.from)} --> ${node("p", e.to)}`);
  for (const v of chart.vacancies)
    if (v.under !== undefined) lines.push(`  ${node("p", v.under)} -.-> ${node("v", v.id)}`);
  return lines;
}

function sponsorLines(
  chart: OrgChart,
  names: Map<string, ChartPerson>,
  link: (p: ChartPerson) => string,
): string[] {
  const sponsors = chart.sponsors.flatMap((k) => names.get(k) ?? []);
  return [
    "## Executive sponsor",
    "",
    sponsors.length
      ? sponsors.map(link).join(", ")
      : "Nobody in this model holds the executive-sponsor role.",
    "",
  ];
}

/** A table per model's team (and one for people in none): role, allocation, manager. */
function teamTables(
  chart: OrgChart,
  link: (p: ChartPerson) => string,
  managers: (p: ChartPerson) => string,
): string[] {
  const lines: string[] = [];
  const row = (p: ChartPerson) =>
    `| ${link(p)} | ${md(p.roles.join(", ") || "no role")} | ${percent(p.teams[0]?.allocation ?? null)} | ${managers(p)} |`;
  const header = ["| person | roles | allocation | reports to |", "| --- | --- | ---: | --- |"];
  const teams = chart.teams.flatMap((t) => t.modelTeams);
  for (const t of teams) {
    const members = chart.people.filter((p) => p.teams[0]?.modelTeams.includes(t.id));
    lines.push(`## ${md(t.name)} (${md(t.type)})`, "");
    lines.push(...(members.length ? [...header, ...members.map(row), ""] : ["No members.", ""]));
  }
  const others = chart.people.filter((p) => (p.teams[0]?.modelTeams.length ?? 0) === 0);
  if (others.length) lines.push("## In no team", "", ...header, ...others.map(row), "");
  return lines;
}

function vacancyLines(chart: OrgChart): string[] {
  if (chart.vacancies.length === 0) return ["## Vacancies", "", "No openings are recorded.", ""];
  return [
    "## Vacancies",
    "",
    "| role | team | status |",
    "| --- | --- | --- |",
    ...chart.vacancies.map((v) => `| ${md(v.role)} | ${md(v.modelTeam ?? "—")} | ${v.status} |`),
    "",
  ];
}
