/**
 * An XLSX workbook: the RACI (colour-coded matrix), then a sheet per section of the model with a
 * column per field (src/model/workbook.ts), and the doctor's findings. Headers keep ids ("Name
 * [id]"), so `mlteam import --from xlsx` reads the workbook back — every field, `x-*` keys included.
 */
import writeXlsxFile, { type Cell, type SheetData } from "write-excel-file/node";
import { type RaciMatrix, raciMatrix } from "../../analysis/raci-matrix.ts";
import type { Finding } from "../../analysis/rule.ts";
import type { TeamGraph } from "../../graph/types.ts";
import type { Model } from "../../model/model.ts";
import type { Person, RoleAssignment } from "../../model/schema.ts";
import {
  ABSENCE_COLUMNS,
  type Column,
  EXTENSIONS,
  extensionsOf,
  MATRIX_AS_EXPORTED,
  matrixCellsText,
  ORGANISATION_FIELDS,
  PEOPLE_COLUMNS,
  SECTION_SHEETS,
  SETTINGS_FIELDS,
  type SectionSheet,
  toCell,
} from "../../model/workbook.ts";

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

/** A value as a typed cell of the workbook. */
function cellOf(value: unknown, column: Column): Cell {
  const raw = column === EXTENSIONS ? extensionsOf(value as object) : value;
  const cell = toCell(raw, column.kind);
  if (cell === null) return null;
  if (typeof cell === "number") return { value: cell, type: Number };
  if (typeof cell === "boolean") return { value: cell, type: Boolean };
  return { value: cell };
}

/** An entry's row: a cell per column. */
const rowOf = (entry: object, columns: Column[]): Cell[] =>
  columns.map((c) => cellOf(c === EXTENSIONS ? entry : (entry as Record<string, unknown>)[c.key], c));

export async function renderXlsx(graph: TeamGraph, findings: readonly Finding[]): Promise<Buffer> {
  const matrix = raciMatrix(graph);
  const model = graph.model;
  // Every person of the model, leavers too (the graph leaves out who has left).
  const everyone = model.people;
  const sheet = (name: string, data: SheetData) => ({ sheet: name, data, stickyRowsCount: 1 });
  return writeXlsxFile([
    {
      sheet: "RACI",
      data: raciSheet(matrix),
      stickyRowsCount: 1,
      columns: [{ width: 36 }, { width: 14 }, ...matrix.columns.map(() => ({ width: 16 }))],
    },
    sheet("People", peopleSheet(graph, everyone)),
    sheet("Skills", skillsSheet(graph, everyone)),
    sheet("Absences", absencesSheet(everyone)),
    ...SECTION_SHEETS.map((s) =>
      sheet(
        s.sheet,
        s.section === "raci"
          ? raciRowsSheet(model, matrix)
          : [
              header(s.columns.map((c) => c.header)),
              ...(model[s.section] as object[]).map((entry) => rowOf(entry, s.columns)),
            ],
      ),
    ),
    sheet("Organisation", fieldsSheet(model.organisation ?? {}, ORGANISATION_FIELDS)),
    sheet("Settings", settingsSheet(model)),
    sheet("Findings", findingsSheet(findings)),
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

/** The RACI's rows, every field, and the matrix's cells as exported (so an edit of the matrix is told apart). */
function raciRowsSheet(model: Model, matrix: RaciMatrix): SheetData {
  const columns = (SECTION_SHEETS.find((s) => s.section === "raci") as SectionSheet).columns;
  const cells = new Map(
    matrix.rows.map((r) => [`${r.activity}|${r.product ?? ""}`, matrixCellsText(r.cells)]),
  );
  return [
    header([...columns.map((c) => c.header), MATRIX_AS_EXPORTED]),
    ...model.raci.map((row) => [
      ...rowOf(row, columns),
      { value: cells.get(`${row.activity}|${row.product ?? ""}`) ?? "" },
    ]),
  ];
}

/** Roles as "data-scientist 70%; tech-lead"; JSON when one holds more than a role and an allocation. */
export function rolesCell(roles: readonly RoleAssignment[] | undefined): string {
  if (roles === undefined) return "";
  const simple = roles.map((r) => {
    if (typeof r === "string") return r;
    const keys = Object.keys(r);
    const allocation = String(r.allocation);
    return keys.length === 2 && keys.includes("allocation") && /^\d+(\.\d+)?$/.test(allocation)
      ? `${r.role} ${allocation}%`
      : undefined;
  });
  return roles.length > 0 && simple.every((s) => s !== undefined) ? simple.join("; ") : JSON.stringify(roles);
}

/** People: the schema's fields, roles in their own syntax, and (not read back) allocation and teams. */
function peopleSheet(graph: TeamGraph, everyone: readonly Person[]): SheetData {
  const [id, name, ...rest] = PEOPLE_COLUMNS as [Column, Column, ...Column[]];
  return [
    header([id.header, name.header, "Roles", "Allocation %", "Teams", ...rest.map((c) => c.header)]),
    ...everyone.map((p) => {
      const [idCell, nameCell, ...cells] = rowOf(p, PEOPLE_COLUMNS);
      const roles = rolesCell(p.roles);
      const node = graph.people.get(p.id);
      return [
        idCell ?? null,
        nameCell ?? null,
        roles ? { value: roles } : null,
        node ? { value: Math.round(node.allocation), type: Number } : null,
        { value: node?.teams.join("; ") ?? "" },
        ...cells,
      ];
    }),
  ];
}

/** A column per competency (the catalog's and any other a person records), a row per person. */
function skillsSheet(graph: TeamGraph, everyone: readonly Person[]): SheetData {
  const competencies = [...graph.competencies.values()].map((c) => ({ id: c.id, name: c.name }));
  const known = new Set(competencies.map((c) => c.id));
  for (const p of everyone)
    for (const id of Object.keys(p.skills ?? {}))
      if (!known.has(id)) {
        known.add(id);
        competencies.push({ id, name: id });
      }
  return [
    header(["Person", ...competencies.map((c) => labelled(c.name, c.id))]),
    ...everyone.map((p) => [
      { value: labelled(p.name, p.id) },
      ...competencies.map((c): Cell => {
        const level = p.skills?.[c.id];
        return level === undefined ? null : { value: level, type: Number };
      }),
    ]),
  ];
}

function absencesSheet(everyone: readonly Person[]): SheetData {
  return [
    header(["Person", ...ABSENCE_COLUMNS.map((c) => c.header)]),
    ...everyone.flatMap((p) =>
      (p.absences ?? []).map((a) => [{ value: p.id }, ...rowOf(a, ABSENCE_COLUMNS)]),
    ),
  ];
}

/** A sheet of one mapping, a field a row. */
function fieldsSheet(entry: object, fields: Column[]): SheetData {
  const row = rowOf(entry, fields);
  return [header(["Field", "Value"]), ...fields.map((f, i) => [{ value: f.header }, row[i] ?? null])];
}

function settingsSheet(model: Model): SheetData {
  const settings = {
    ...(Object.keys(model.rules).length ? { rules: model.rules } : {}),
    ...(model.evidence ? { evidence: model.evidence.settings } : {}),
  };
  return fieldsSheet(settings, SETTINGS_FIELDS);
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
