/**
 * An XLSX workbook: the RACI (colour-coded), people, skills, teams, openings, absences, stakeholders
 * and the doctor's findings, a sheet each. Headers keep ids ("Name [id]"), so `mlteam import --from
 * xlsx` reads the workbook back.
 */
import writeXlsxFile, { type Cell, type SheetData } from "write-excel-file/node";
import { raciMatrix } from "../../analysis/raci-matrix.ts";
import type { Finding } from "../../analysis/rule.ts";
import type { TeamGraph } from "../../graph/types.ts";

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
  const raci: SheetData = [
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
  const competencies = [...graph.competencies.values()];
  const everyone = [...graph.people.values()];
  const people: SheetData = [
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
  const skills: SheetData = [
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
  const teams: SheetData = [
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
  const units: SheetData = [
    header(["Id", "Name", "Type", "Parent"]),
    ...[...graph.units.values()].map((u) => [
      { value: u.id },
      { value: u.source.name ?? "" },
      { value: u.source.type ?? "" },
      { value: u.parent ?? "" },
    ]),
  ];
  const products: SheetData = [
    header(["Id", "Name", "Team", "Stage"]),
    ...[...graph.products.values()].map((p) => [
      { value: p.id },
      { value: p.source.name ?? "" },
      { value: p.source.team },
      { value: p.source.stage },
    ]),
  ];
  const openings: SheetData = [
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
  const absences: SheetData = [
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
  const stakeholders: SheetData = [
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
  const findingsSheet: SheetData = [
    header(["Severity", "Rule", "Message", "Where", "Fix"]),
    ...findings.map((f) => [
      { value: f.severity },
      { value: f.ruleId },
      { value: f.message },
      { value: `${f.location.file}:${f.location.line}:${f.location.column}` },
      { value: f.fix },
    ]),
  ];
  return writeXlsxFile([
    {
      sheet: "RACI",
      data: raci,
      stickyRowsCount: 1,
      columns: [{ width: 36 }, { width: 14 }, ...matrix.columns.map(() => ({ width: 16 }))],
    },
    { sheet: "People", data: people, stickyRowsCount: 1 },
    { sheet: "Skills", data: skills, stickyRowsCount: 1 },
    { sheet: "Teams", data: teams, stickyRowsCount: 1 },
    { sheet: "Units", data: units, stickyRowsCount: 1 },
    { sheet: "Products", data: products, stickyRowsCount: 1 },
    { sheet: "Openings", data: openings, stickyRowsCount: 1 },
    { sheet: "Absences", data: absences, stickyRowsCount: 1 },
    { sheet: "Stakeholders", data: stakeholders, stickyRowsCount: 1 },
    { sheet: "Findings", data: findingsSheet, stickyRowsCount: 1 },
  ]).toBuffer();
}
