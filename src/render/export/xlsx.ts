/**
 * An XLSX workbook: the RACI (colour-coded), people, skills, teams, openings, absences, stakeholders
 * and the doctor's findings, a sheet each. Headers keep ids ("Name [id]"), so `mlteam import --from
 * xlsx` reads the workbook back.
 */
import writeXlsxFile, { type Cell, type SheetData } from "write-excel-file/node";
import { type RaciMatrix, raciMatrix } from "../../analysis/raci-matrix.ts";
import type { Finding } from "../../analysis/rule.ts";
import type { PersonNode, TeamGraph } from "../../graph/types.ts";

/** Fill colours by letter: Responsible green, Accountable blue, Consulted amber, Informed grey. */
export const RACI_COLOURS: Record<string, string> = {
  R: "#C6EFCE",
  A: "#BDD7EE",
  C: "#FFE699",
  I: "#E7E6E6",
};

const header = (values: string[]): Cell[] => values.map((value) => ({ value, fontWeight: "bold" as const }));

/** A header that shows a name and keeps the id for the way back: "Data scientist [data-scientist]". */
export const labelled = (name: string, id: string) => (name === id ? id : `${name} [${id}]`);

export async function renderXlsx(graph: TeamGraph, findings: readonly Finding[]): Promise<Buffer> {
  const matrix = raciMatrix(graph);
  const everyone = [...graph.people.values()];
  return writeXlsxFile([
    {
      sheet: "RACI",
      data: raciSheet(matrix),
      stickyRowsCount: 1,
      columns: [{ width: 36 }, { width: 14 }, ...matrix.columns.map(() => ({ width: 16 }))],
    },
    { sheet: "People", data: peopleSheet(everyone), stickyRowsCount: 1 },
    { sheet: "Skills", data: skillsSheet(graph, everyone), stickyRowsCount: 1 },
    { sheet: "Teams", data: teamsSheet(graph), stickyRowsCount: 1 },
    { sheet: "Units", data: unitsSheet(graph), stickyRowsCount: 1 },
    { sheet: "Products", data: productsSheet(graph), stickyRowsCount: 1 },
    { sheet: "Openings", data: openingsSheet(graph), stickyRowsCount: 1 },
    { sheet: "Absences", data: absencesSheet(everyone), stickyRowsCount: 1 },
    { sheet: "Stakeholders", data: stakeholdersSheet(graph), stickyRowsCount: 1 },
    { sheet: "Findings", data: findingsSheet(findings), stickyRowsCount: 1 },
  ]).toBuffer();
}

/** The RACI matrix, each cell filled with its letter's colour (Accountable first). */
function raciSheet(matrix: RaciMatrix): SheetData {
  return [
    header(["Activity", "Product", ...matrix.columns.map((c) => labelled(c.name, c.id))]),
    ...matrix.rows.map((row) => [
      { value: labelled(row.name, row.activity) },
      { value: row.product ?? "" },
      ...matrix.columns.map((c): Cell => {
        const letters = row.cells[c.id] ?? "";
        const colour = RACI_COLOURS[letters.includes("A") ? "A" : (letters[0] ?? "")];
        return colour
          ? { value: letters, backgroundColor: colour, align: "center" as const }
          : { value: letters };
      }),
    ]),
  ];
}

function peopleSheet(everyone: PersonNode[]): SheetData {
  return [
    header([
      "Id",
      "Name",
      "E-mail",
      "Titles",
      "Roles",
      "Allocation %",
      "Teams",
      "Handle",
      "Employment",
      "Capacity %",
      "Leaves",
    ]),
    ...everyone.map((p) => [
      { value: p.id },
      { value: p.name },
      { value: p.source.emails?.join("; ") ?? "" },
      { value: (p.source.titles ?? []).join("; ") },
      { value: p.roles.map((r) => `${r.role} ${Math.round(r.allocation)}%`).join("; ") },
      { value: Math.round(p.allocation), type: Number },
      { value: p.teams.join("; ") },
      { value: p.source.handle ?? "" },
      { value: p.source.employment ?? "employee" },
      { value: p.source.capacity ?? 100, type: Number },
      { value: p.source.leaves ?? "" },
    ]),
  ];
}

/** A column per competency, a row per person; unrecorded levels stay empty. */
function skillsSheet(graph: TeamGraph, everyone: PersonNode[]): SheetData {
  const competencies = [...graph.competencies.values()];
  return [
    header(["Person", ...competencies.map((c) => labelled(c.name, c.id))]),
    ...everyone.map((p) => [
      { value: labelled(p.name, p.id) },
      ...competencies.map(
        (c): Cell =>
          p.source.skills?.[c.id] === undefined
            ? null
            : { value: p.source.skills[c.id] as number, type: Number },
      ),
    ]),
  ];
}

function teamsSheet(graph: TeamGraph): SheetData {
  return [
    header(["Id", "Name", "Type", "Members", "Lead", "Serves", "Handle", "Parent"]),
    ...[...graph.teams.values()].map((t) => [
      { value: t.id },
      { value: t.source.name ?? "" },
      { value: t.source.type },
      { value: t.members.join("; ") },
      { value: t.source.lead ?? "" },
      { value: t.serves.join("; ") },
      { value: t.source.handle ?? "" },
      { value: t.source.parent ?? "" },
    ]),
  ];
}

function unitsSheet(graph: TeamGraph): SheetData {
  return [
    header(["Id", "Name", "Type", "Parent"]),
    ...[...graph.units.values()].map((u) => [
      { value: u.id },
      { value: u.source.name ?? "" },
      { value: u.source.type ?? "" },
      { value: u.parent ?? "" },
    ]),
  ];
}

function productsSheet(graph: TeamGraph): SheetData {
  return [
    header(["Id", "Name", "Team", "Stage"]),
    ...[...graph.products.values()].map((p) => [
      { value: p.id },
      { value: p.source.name ?? "" },
      { value: p.source.team },
      { value: p.source.stage },
    ]),
  ];
}

function openingsSheet(graph: TeamGraph): SheetData {
  return [
    header(["Id", "Role", "Team", "Product", "Start", "Status", "Note"]),
    ...graph.model.openings.map((o) => [
      { value: o.id },
      { value: o.role },
      { value: o.team ?? "" },
      { value: o.product ?? "" },
      { value: o.start ?? "" },
      { value: o.status ?? "open" },
      { value: o.note ?? "" },
    ]),
  ];
}

function absencesSheet(everyone: PersonNode[]): SheetData {
  return [
    header(["Person", "From", "To", "Reason"]),
    ...everyone.flatMap((p) =>
      (p.source.absences ?? []).map((a) => [
        { value: p.id },
        { value: a.from },
        { value: a.to },
        { value: a.reason ?? "" },
      ]),
    ),
  ];
}

function stakeholdersSheet(graph: TeamGraph): SheetData {
  return [
    header(["Kind", "Person", "Name", "Engaged", "Last review", "Note"]),
    ...graph.stakeholders.map((st) => [
      { value: st.kind },
      { value: st.person ?? "" },
      { value: st.name ?? "" },
      { value: st.engaged === false ? "no" : "yes" },
      { value: st.lastReview ?? "" },
      { value: st.note ?? "" },
    ]),
  ];
}

/** The doctor's findings, one a row. */
function findingsSheet(findings: readonly Finding[]): SheetData {
  return [
    header(["Severity", "Rule", "Message", "Where", "Fix"]),
    ...findings.map((f) => [
      { value: f.severity },
      { value: f.ruleId },
      { value: f.message },
      { value: `${f.location.file}:${f.location.line}:${f.location.column}` },
      { value: f.fix },
    ]),
  ];
}
