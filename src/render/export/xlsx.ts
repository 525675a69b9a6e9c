/** An XLSX workbook: the RACI (colour-coded), people, skills and the doctor's findings, a sheet each. */
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

export async function renderXlsx(graph: TeamGraph, findings: readonly Finding[]): Promise<Buffer> {
  const matrix = raciMatrix(graph);
  const raci: SheetData = [
    header(["Activity", "Product", ...matrix.columns.map((c) => c.name)]),
    ...matrix.rows.map((row) => [
      { value: row.name },
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
  const people: SheetData = [
    header(["Id", "Name", "E-mail", "Titles", "Roles", "Allocation %", "Teams"]),
    ...[...graph.people.values()].map((p) => [
      { value: p.id },
      { value: p.name },
      { value: p.source.emails?.[0] ?? "" },
      { value: (p.source.titles ?? []).join("; ") },
      { value: p.roles.map((r) => `${r.role} ${Math.round(r.allocation)}%`).join("; ") },
      { value: Math.round(p.allocation), type: Number },
      { value: p.teams.join("; ") },
    ]),
  ];
  const skills: SheetData = [
    header(["Person", ...competencies.map((c) => c.name)]),
    ...[...graph.people.values()].map((p) => [
      { value: p.name },
      ...competencies.map(
        (c): Cell =>
          p.skills[c.id] === undefined ? null : { value: p.skills[c.id] as number, type: Number },
      ),
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
    { sheet: "Findings", data: findingsSheet, stickyRowsCount: 1 },
  ]).toBuffer();
}
