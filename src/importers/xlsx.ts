/**
 * A workbook written by `mlteam export --format xlsx` (or edited in a spreadsheet) → the model's
 * entries, every field of every section (src/model/workbook.ts holds the columns). Ids come from the
 * headers' "Name [id]" labels, so names may be edited freely. A cell that cannot be read is noted
 * (sheet, row, column) and left out, never dropped silently.
 */
import readXlsxFile from "read-excel-file/node";
import type { Organisation, Person, RaciRow, RoleAssignment } from "../model/schema.ts";
import {
  ABSENCE_COLUMNS,
  type CellValue,
  type Column,
  EXTENSIONS,
  fromCell,
  MATRIX_AS_EXPORTED,
  matrixCellsText,
  ORGANISATION_FIELDS,
  PEOPLE_COLUMNS,
  SECTION_SHEETS,
  SETTINGS_FIELDS,
  type SectionSheet,
} from "../model/workbook.ts";
import type { Imported } from "./types.ts";

type Row = CellValue[];

/** "Data scientist [data-scientist]" → "data-scientist"; a bare id stays as it is. */
export const idOf = (label: string) => /\[([^[\]]+)\]\s*$/.exec(label)?.[1] ?? label.trim();

const text = (v: CellValue) =>
  v === null || v === undefined ? "" : v instanceof Date ? v.toISOString().slice(0, 10) : String(v).trim();

export class XlsxImportError extends Error {
  override name = "XlsxImportError";
}

/** The workbook's sheets, and the notes for the person reviewing the import. */
interface Workbook {
  sheets: { sheet: string; data: Row[] }[];
  notes: string[];
}

/** A sheet's rows (the header first); none when the workbook has no such sheet. */
const sheetRows = (book: Workbook, name: string) => book.sheets.find((s) => s.sheet === name)?.data ?? [];
const hasSheet = (book: Workbook, name: string) => book.sheets.some((s) => s.sheet === name);

/** The index of the column headed `name` (case-insensitive), or -1. */
const columnIndex = (header: Row | undefined, name: string) =>
  (header ?? []).findIndex((h) => text(h).toLowerCase() === name.toLowerCase());

type Entry = Record<string, unknown>;

/** The model's sections an import fills besides people, teams and RACI rows. */
type Sections = Omit<Imported, "people" | "teams" | "raci" | "notes" | "summary">;

export async function importXlsx(content: Buffer): Promise<Imported> {
  const book = await readWorkbook(content);
  const [peopleHeader, ...peopleRows] = sheetRows(book, "People");
  const people = readPeople(book, peopleHeader, peopleRows);
  const byId = new Map(people.map((p) => [p.id, p]));
  readSkills(book, byId);
  readAbsences(book, byId);
  const sections: Record<string, Entry[]> = {};
  for (const spec of SECTION_SHEETS)
    if (spec.section !== "raci") sections[spec.section] = readSection(book, spec);
  const raci = readRaci(book, new Set(byId.keys()));
  noteUnknownColumns(book);
  const { teams = [], ...rest } = sections;
  const listed = Object.fromEntries(Object.entries(rest).filter(([, entries]) => entries.length > 0));
  return {
    people,
    teams: teams as unknown as Imported["teams"],
    ...(listed as Sections),
    ...readSingles(book),
    raci,
    notes: book.notes,
    summary: {
      created: people.length,
      skipped: peopleRows.filter((r) => r.some((c) => text(c) !== "")).length - people.length,
      used: book.sheets.map((s) => s.sheet).filter((s) => READ_SHEETS.has(s)),
      unknownColumns: [],
      unmapped: [],
    },
  };
}

/** Columns a sheet holds that are not read back: computed ones, and the matrix's record. */
const COMPUTED: Record<string, string[]> = {
  People: ["Roles", "Allocation %", "Teams"],
  "RACI rows": [MATRIX_AS_EXPORTED],
  Absences: ["Person"],
};
const COLUMNS: [string, Column[]][] = [
  ["People", PEOPLE_COLUMNS],
  ["Absences", ABSENCE_COLUMNS],
  ...SECTION_SHEETS.map((s): [string, Column[]] => [s.sheet, s.columns]),
];
/** The sheets an import reads (not Findings, nor a sheet of the user's own). */
const READ_SHEETS = new Set([
  "RACI",
  "Skills",
  "Organisation",
  "Settings",
  ...COLUMNS.map(([sheet]) => sheet),
]);

/** A column added by hand to a sheet is not read: say so, rather than drop it silently. */
function noteUnknownColumns(book: Workbook): void {
  for (const [sheet, columns] of COLUMNS) {
    const [header] = sheetRows(book, sheet);
    const known = new Set(
      [...columns.map((c) => c.header), ...(COMPUTED[sheet] ?? [])].map((h) => h.toLowerCase()),
    );
    for (const cell of header ?? [])
      if (text(cell) && !known.has(text(cell).toLowerCase()))
        book.notes.push(
          `${sheet}: column "${text(cell)}" is no field of the model; not read (an x- attribute goes in Extensions, as JSON)`,
        );
  }
  for (const sheet of book.sheets)
    if (!READ_SHEETS.has(sheet.sheet) && sheet.sheet !== "Findings")
      book.notes.push(`sheet "${sheet.sheet}" is not one mlteam writes; not read`);
}

/** The workbook's sheets; throws when it is no workbook or has no "People" sheet. */
async function readWorkbook(content: Buffer): Promise<Workbook> {
  let sheets: { sheet: string; data: Row[] }[];
  try {
    sheets = (await readXlsxFile(content)) as { sheet: string; data: Row[] }[];
  } catch (error) {
    throw new XlsxImportError(
      `not an XLSX workbook (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  if (!sheets.some((s) => s.sheet === "People"))
    throw new XlsxImportError(
      `no "People" sheet (sheets: ${sheets.map((s) => s.sheet).join(", ")}); import a workbook written by mlteam export --format xlsx`,
    );
  return { sheets, notes: [] };
}

/** One row as an entry: a field per column the header has; unreadable cells are noted. */
function entryOf(book: Workbook, where: string, header: Row | undefined, row: Row, columns: Column[]): Entry {
  const entry: Entry = {};
  for (const column of columns) {
    const at = columnIndex(header, column.header);
    if (at < 0) continue;
    const read = fromCell(row[at], column.kind);
    if ("problem" in read) book.notes.push(`${where}, ${column.header}: ${read.problem}; left out`);
    else if ("value" in read) {
      if (column !== EXTENSIONS) entry[column.key] = read.value;
      else if (read.value && typeof read.value === "object" && !Array.isArray(read.value)) {
        for (const [key, value] of Object.entries(read.value))
          if (key.startsWith("x-")) entry[key] = value;
          else book.notes.push(`${where}, Extensions: "${key}" is not an x- key; left out`);
      } else book.notes.push(`${where}, Extensions: not a JSON object; left out`);
    }
  }
  return entry;
}

/** The entries of a section's sheet; a row without its first column (an id, a kind…) is noted and left out. */
function readSection(book: Workbook, spec: SectionSheet): Entry[] {
  const [header, ...rows] = sheetRows(book, spec.sheet);
  const first = spec.columns[0] as Column;
  const entries: Entry[] = [];
  rows.forEach((row, i) => {
    if (!row.some((c) => text(c) !== "")) return;
    const where = `${spec.sheet} row ${i + 2}`;
    const entry = entryOf(book, where, header, row, spec.columns);
    if (entry[first.key] === undefined) book.notes.push(`${where}: no ${first.header}; left out`);
    else entries.push(entry);
  });
  return entries;
}

/** People, with their roles ("data-scientist 70%; tech-lead", or JSON). */
function readPeople(book: Workbook, header: Row | undefined, rows: Row[]): Person[] {
  const people: Person[] = [];
  const rolesAt = columnIndex(header, "Roles");
  rows.forEach((row, i) => {
    if (!row.some((c) => text(c) !== "")) return;
    const where = `People row ${i + 2}`;
    const entry = entryOf(book, where, header, row, PEOPLE_COLUMNS);
    if (typeof entry.id !== "string" || typeof entry.name !== "string") {
      book.notes.push(`${where}: no Id or Name; left out`);
      return;
    }
    const roles = rolesAt < 0 ? undefined : rolesOf(book, where, text(row[rolesAt]));
    people.push({ ...entry, ...(roles ? { roles } : {}) } as Person);
  });
  return people;
}

/** A Roles cell: "data-scientist 70%; tech-lead" or a JSON list. */
export function rolesOf(book: Workbook, where: string, cell: string): RoleAssignment[] | undefined {
  if (cell === "") return undefined;
  if (cell.startsWith("[")) {
    const read = fromCell(cell, "json");
    if ("value" in read && Array.isArray(read.value)) return read.value as RoleAssignment[];
    book.notes.push(`${where}, Roles: "${cell.slice(0, 40)}" is not a JSON list; left out`);
    return undefined;
  }
  return cell
    .split(";")
    .map((r) => r.trim())
    .filter(Boolean)
    .map((r) => {
      const match = /^(\S+)\s+(\d+(?:\.\d+)?)\s*%$/.exec(r);
      return match ? { role: match[1] as string, allocation: Number(match[2]) } : r;
    });
}

/** Skills: a column per competency, a row per person; levels outside 0–4 are noted and left out. */
function readSkills(book: Workbook, byId: Map<string, Person>): void {
  const [skillsHeader, ...skillRows] = sheetRows(book, "Skills");
  for (const row of skillRows) {
    const person = byId.get(idOf(text(row[0])));
    if (!person) continue;
    const skills: Record<string, number> = {};
    (skillsHeader ?? []).slice(1).forEach((h, i) => {
      const value = row[i + 1];
      if (value === null || value === undefined || value === "") return;
      const level = Number(value);
      if (Number.isInteger(level) && level >= 0 && level <= 4) skills[idOf(text(h))] = level;
      else book.notes.push(`Skills: ${person.id} ${text(h)} "${text(value)}" is not a level 0–4; left out`);
    });
    if (Object.keys(skills).length) person.skills = skills;
  }
}

function readAbsences(book: Workbook, byId: Map<string, Person>): void {
  const [header, ...rows] = sheetRows(book, "Absences");
  rows.forEach((row, i) => {
    if (!row.some((c) => text(c) !== "")) return;
    const where = `Absences row ${i + 2}`;
    const person = byId.get(text(row[0]));
    const absence = entryOf(book, where, header, row, ABSENCE_COLUMNS);
    if (!person || absence.from === undefined || absence.to === undefined) {
      book.notes.push(`${where}: no person of the People sheet, From or To; left out`);
      return;
    }
    person.absences = [...(person.absences ?? []), absence as NonNullable<Person["absences"]>[number]];
  });
}

/** A sheet of fields, a field a row ("Field", "Value"), as an entry. */
function fieldsOf(book: Workbook, sheet: string, fields: Column[]): Entry | undefined {
  if (!hasSheet(book, sheet)) return undefined;
  const [, ...rows] = sheetRows(book, sheet);
  const names = fields.map((f) => f.header);
  const header: Row = rows.map((r) => text(r[0]));
  const values: Row = rows.map((r) => r[1]);
  for (const name of header)
    if (name && !names.includes(String(name))) book.notes.push(`${sheet}: unknown field "${name}"; left out`);
  return entryOf(book, sheet, header, values, fields);
}

/** The organisation, the rule settings and the evidence settings. */
function readSingles(book: Workbook): Pick<Imported, "organisation" | "rules" | "evidence"> {
  const organisation = fieldsOf(book, "Organisation", ORGANISATION_FIELDS);
  const settings = fieldsOf(book, "Settings", SETTINGS_FIELDS) ?? {};
  return {
    ...(organisation && Object.keys(organisation).length
      ? { organisation: organisation as unknown as Organisation }
      : {}),
    ...(settings.rules ? { rules: settings.rules as NonNullable<Imported["rules"]> } : {}),
    ...(settings.evidence ? { evidence: settings.evidence as NonNullable<Imported["evidence"]> } : {}),
  };
}

const LETTERS = ["R", "A", "C", "I"] as const;
const rowKey = (row: RaciRow) => `${row.activity}|${row.product ?? ""}`;

/**
 * The RACI: the `RACI rows` sheet (every field of every row), checked against the colour-coded
 * matrix — where the matrix's row is not what was exported (it was edited), the matrix's letters
 * are read and the row is noted. A workbook without `RACI rows` (an older export) is read from the
 * matrix alone.
 */
function readRaci(book: Workbook, people: ReadonlySet<string>): RaciRow[] {
  const matrix = readRaciMatrix(book);
  const spec = SECTION_SHEETS.find((s) => s.section === "raci") as SectionSheet;
  if (!hasSheet(book, spec.sheet)) return matrix.rows;
  const [header, ...sheet] = sheetRows(book, spec.sheet);
  const recordedAt = columnIndex(header, MATRIX_AS_EXPORTED);
  const recorded = new Map(sheet.map((r) => [`${text(r[0])}|${text(r[1])}`, text(r[recordedAt])]));
  const rows = readSection(book, spec) as unknown as RaciRow[];
  if (!hasSheet(book, "RACI")) return rows;
  const fromMatrix = new Map(matrix.rows.map((r) => [rowKey(r), r]));
  const read: RaciRow[] = [];
  for (const row of rows) {
    const key = rowKey(row);
    const other = fromMatrix.get(key);
    fromMatrix.delete(key);
    const unchanged =
      recordedAt >= 0
        ? recorded.get(key) === (matrix.cells.get(key) ?? "")
        : !other || letterSet(row, people) === letterSet(other, people);
    if (unchanged) read.push(row);
    else {
      book.notes.push(
        `RACI: ${key.replace(/\|$/, "")} was edited in the RACI matrix; its letters are read from the matrix`,
      );
      const kept: RaciRow = { ...row };
      for (const letter of LETTERS) delete kept[letter];
      read.push({
        ...kept,
        ...Object.fromEntries(LETTERS.flatMap((l) => (other?.[l] ? [[l, other[l]]] : []))),
      });
    }
  }
  for (const [key, row] of fromMatrix) {
    book.notes.push(`RACI: ${key.replace(/\|$/, "")} is in the RACI matrix only; read from it`);
    read.push(row);
  }
  return read;
}

/** A row's letters as one comparable text: "R:role-id A:person:ada …", refs as the matrix heads them. */
function letterSet(row: RaciRow, people: ReadonlySet<string>): string {
  const norm = (ref: string) =>
    ref.startsWith("role:")
      ? ref.slice(5)
      : ref.startsWith("person:") || !people.has(ref)
        ? ref
        : `person:${ref}`;
  const letters = new Set(LETTERS.flatMap((l) => [row[l] ?? []].flat().map((ref) => `${l}:${norm(ref)}`)));
  return [...letters].sort().join(" ");
}

/** The colour-coded matrix: a row per activity (and product), a column per role or person:<id>. */
function readRaciMatrix(book: Workbook): { rows: RaciRow[]; cells: Map<string, string> } {
  const [raciHeader, ...raciRows] = sheetRows(book, "RACI");
  const columns = (raciHeader ?? []).slice(2).map((h) => idOf(text(h)));
  const raci: RaciRow[] = [];
  const cells = new Map<string, string>();
  for (const row of raciRows) {
    const activity = idOf(text(row[0]));
    if (!activity) continue;
    const entry: RaciRow = { activity, ...(text(row[1]) ? { product: text(row[1]) } : {}) };
    const letters: Record<"R" | "A" | "C" | "I", string[]> = { R: [], A: [], C: [], I: [] };
    columns.forEach((col, i) => {
      for (const letter of text(row[i + 2]).split("/"))
        if (letter === "R" || letter === "A" || letter === "C" || letter === "I") letters[letter].push(col);
    });
    for (const letter of LETTERS) {
      const refs = letters[letter];
      if (refs.length === 1) entry[letter] = refs[0] as string;
      else if (refs.length > 1) entry[letter] = refs;
    }
    raci.push(entry);
    cells.set(
      rowKey(entry),
      matrixCellsText(Object.fromEntries(columns.map((c, i) => [c, text(row[i + 2])]))),
    );
  }
  return { rows: raci, cells };
}
