/**
 * A workbook written by `mlteam export --format xlsx` (or edited in a spreadsheet) → people, teams
 * and RACI rows. Ids come from the headers' "Name [id]" labels, so names may be edited freely.
 */
import readXlsxFile from "read-excel-file/node";
import {
  type Opening,
  type Person,
  type Product,
  type RaciRow,
  type RoleAssignment,
  STAKEHOLDER_KINDS,
  type Stakeholder,
  type Team,
  type Unit,
} from "../model/schema.ts";
import type { Imported } from "./types.ts";

type Row = (string | number | boolean | Date | null)[];

/** "Data scientist [data-scientist]" → "data-scientist"; a bare id stays as it is. */
export const idOf = (label: string) => /\[([^\]]+)\]\s*$/.exec(label)?.[1] ?? label.trim();

const text = (v: Row[number] | undefined) =>
  v === null || v === undefined ? "" : v instanceof Date ? v.toISOString().slice(0, 10) : String(v).trim();
const list = (v: Row[number] | undefined) =>
  text(v)
    .split(";")
    .map((x) => x.trim())
    .filter(Boolean);

export class XlsxImportError extends Error {
  override name = "XlsxImportError";
}

/** The workbook's sheets, and the notes for the person reviewing the import. */
interface Workbook {
  sheets: { sheet: string; data: Row[] }[];
  notes: string[];
}

/** The sheets an mlteam workbook holds, in the order they are listed as used. */
const KNOWN_SHEETS = [
  "People",
  "Skills",
  "Absences",
  "Teams",
  "Units",
  "Products",
  "Openings",
  "Stakeholders",
  "RACI",
];

/** A sheet's rows (the header first); none when the workbook has no such sheet. */
const sheetRows = (book: Workbook, name: string) => book.sheets.find((s) => s.sheet === name)?.data ?? [];

/** The index of the column headed `name` (case-insensitive), or -1. */
const columnIndex = (header: Row | undefined, name: string) =>
  (header ?? []).findIndex((h) => text(h).toLowerCase() === name.toLowerCase());

/** A lookup of a row's cells by their column's header. */
const cellsByHeader = (header: Row | undefined) => {
  const at = (name: string) => columnIndex(header, name);
  return (row: Row, name: string) => row[at(name)];
};

export async function importXlsx(content: Buffer): Promise<Imported> {
  const book = await readWorkbook(content);
  const [peopleHeader, ...peopleRows] = sheetRows(book, "People");
  const { people, byId } = readPeople(peopleHeader, peopleRows);
  readSkills(book, byId);
  readAbsences(book, byId);
  const teams = readTeams(book);
  const units = readUnits(book);
  const openings = readOpenings(book);
  const stakeholders = readStakeholders(book);
  const products = readProducts(book);
  const raci = readRaci(book);
  return {
    people,
    teams,
    ...(units.length ? { units } : {}),
    ...(products.length ? { products } : {}),
    ...(openings.length ? { openings } : {}),
    ...(stakeholders.length ? { stakeholders } : {}),
    raci,
    notes: book.notes,
    summary: {
      created: people.length,
      skipped: peopleRows.length - people.length,
      used: book.sheets.map((s) => s.sheet).filter((s) => KNOWN_SHEETS.includes(s)),
      unknownColumns: [],
      unmapped: [],
    },
  };
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

/** People, with their roles and allocations ("data-scientist 70%"), and each by id. */
function readPeople(header: Row | undefined, rows: Row[]): { people: Person[]; byId: Map<string, Person> } {
  const cell = cellsByHeader(header);
  const people: Person[] = [];
  const byId = new Map<string, Person>();
  for (const row of rows) {
    const person = personOf((name) => cell(row, name));
    if (!person) continue;
    people.push(person);
    byId.set(person.id, person);
  }
  return { people, byId };
}

/** A row of the People sheet as a person; undefined without an id or a name. */
function personOf(cell: (name: string) => Row[number] | undefined): Person | undefined {
  const id = text(cell("Id"));
  const name = text(cell("Name"));
  if (!id || !name) return undefined;
  const roles: RoleAssignment[] = list(cell("Roles")).map((r) => {
    const match = /^(\S+)\s+(\d+(?:\.\d+)?)%$/.exec(r);
    return match ? { role: match[1] as string, allocation: Number(match[2]) } : r;
  });
  const employment = text(cell("Employment"));
  const capacity = Number(text(cell("Capacity %")) || 100);
  return {
    id,
    name,
    ...(list(cell("E-mail")).length ? { emails: list(cell("E-mail")) } : {}),
    ...(list(cell("Titles")).length ? { titles: list(cell("Titles")) } : {}),
    ...(roles.length ? { roles } : {}),
    ...(text(cell("Handle")) ? { handle: text(cell("Handle")) } : {}),
    ...(employment === "contractor" || employment === "vendor" ? { employment } : {}),
    ...(capacity > 0 && capacity < 100 ? { capacity } : {}),
    ...(text(cell("Leaves")) ? { leaves: text(cell("Leaves")) } : {}),
  };
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
  const [, ...absenceRows] = sheetRows(book, "Absences");
  for (const row of absenceRows) {
    const person = byId.get(text(row[0]));
    if (!person || !text(row[1]) || !text(row[2])) continue;
    person.absences = [
      ...(person.absences ?? []),
      { from: text(row[1]), to: text(row[2]), ...(text(row[3]) ? { reason: text(row[3]) } : {}) },
    ];
  }
}

function readTeams(book: Workbook): Team[] {
  const [teamsHeader, ...teamRows] = sheetRows(book, "Teams");
  const cell = cellsByHeader(teamsHeader);
  const teams: Team[] = [];
  for (const row of teamRows) {
    const t = (name: string) => cell(row, name);
    const id = text(t("Id"));
    const type = text(t("Type"));
    if (!id || !["product", "platform", "full-stack", "enabling"].includes(type)) continue;
    teams.push({
      id,
      type: type as Team["type"],
      ...(text(t("Name")) ? { name: text(t("Name")) } : {}),
      ...(list(t("Members")).length ? { members: list(t("Members")) } : {}),
      ...(text(t("Lead")) ? { lead: text(t("Lead")) } : {}),
      ...(list(t("Serves")).length ? { serves: list(t("Serves")) } : {}),
      ...(text(t("Handle")) ? { handle: text(t("Handle")) } : {}),
      ...(text(t("Parent")) ? { parent: text(t("Parent")) } : {}),
    });
  }
  return teams;
}

/** Units of the organisation tree. */
function readUnits(book: Workbook): Unit[] {
  const [unitsHeader, ...unitRows] = sheetRows(book, "Units");
  const cell = cellsByHeader(unitsHeader);
  const units: Unit[] = [];
  for (const row of unitRows) {
    const id = text(cell(row, "Id"));
    if (!id) continue;
    const [name, type, parent] = [
      text(cell(row, "Name")),
      text(cell(row, "Type")),
      text(cell(row, "Parent")),
    ];
    units.push({ id, ...(name ? { name } : {}), ...(type ? { type } : {}), ...(parent ? { parent } : {}) });
  }
  return units;
}

function readOpenings(book: Workbook): Opening[] {
  const [openingsHeader, ...openingRows] = sheetRows(book, "Openings");
  const cell = cellsByHeader(openingsHeader);
  const openings: Opening[] = [];
  for (const row of openingRows) {
    const [id, role] = [text(cell(row, "Id")), text(cell(row, "Role"))];
    if (!id || !role) continue;
    const status = text(cell(row, "Status"));
    const field = (name: string, key: keyof Opening) =>
      text(cell(row, name)) ? { [key]: text(cell(row, name)) } : {};
    openings.push({
      id,
      role,
      ...field("Team", "team"),
      ...field("Product", "product"),
      ...field("Start", "start"),
      ...(status === "approved" || status === "planned" ? { status } : {}),
      ...field("Note", "note"),
    });
  }
  return openings;
}

/** Stakeholders; a row of no known kind is noted and left out. */
function readStakeholders(book: Workbook): Stakeholder[] {
  const [stakeHeader, ...stakeRows] = sheetRows(book, "Stakeholders");
  const cell = cellsByHeader(stakeHeader);
  const stakeholders: Stakeholder[] = [];
  for (const row of stakeRows) {
    const k = (name: string) => cell(row, name);
    const kind = text(k("Kind")) as Stakeholder["kind"];
    const [person, name] = [text(k("Person")), text(k("Name"))];
    if (!STAKEHOLDER_KINDS.includes(kind) || (!person && !name)) {
      if (kind || person || name)
        book.notes.push(`Stakeholders: row "${kind}, ${person || name}" is not a stakeholder kind; left out`);
      continue;
    }
    const [review, note] = [text(k("Last review")), text(k("Note"))];
    stakeholders.push({
      kind,
      ...(person ? { person } : {}),
      ...(name ? { name } : {}),
      ...(text(k("Engaged")).toLowerCase() === "no" ? { engaged: false } : {}),
      ...(review ? { lastReview: review } : {}),
      ...(note ? { note } : {}),
    });
  }
  return stakeholders;
}

function readProducts(book: Workbook): Product[] {
  const [, ...productRows] = sheetRows(book, "Products");
  const products: Product[] = [];
  for (const row of productRows) {
    const id = text(row[0]);
    const stage = text(row[3]);
    if (!id || !text(row[2]) || (stage !== "prototype" && stage !== "production")) continue;
    products.push({ id, team: text(row[2]), stage, ...(text(row[1]) ? { name: text(row[1]) } : {}) });
  }
  return products;
}

/** RACI: a row per activity (and product), a column per role or person:<id>. */
function readRaci(book: Workbook): RaciRow[] {
  const [raciHeader, ...raciRows] = sheetRows(book, "RACI");
  const columns = (raciHeader ?? []).slice(2).map((h) => idOf(text(h)));
  const raci: RaciRow[] = [];
  for (const row of raciRows) {
    const activity = idOf(text(row[0]));
    if (!activity) continue;
    const entry: RaciRow = { activity, ...(text(row[1]) ? { product: text(row[1]) } : {}) };
    const letters: Record<"R" | "A" | "C" | "I", string[]> = { R: [], A: [], C: [], I: [] };
    columns.forEach((col, i) => {
      for (const letter of text(row[i + 2]).split("/"))
        if (letter === "R" || letter === "A" || letter === "C" || letter === "I") letters[letter].push(col);
    });
    for (const letter of ["R", "A", "C", "I"] as const) {
      const refs = letters[letter];
      if (refs.length === 1) entry[letter] = refs[0] as string;
      else if (refs.length > 1) entry[letter] = refs;
    }
    raci.push(entry);
  }
  return raci;
}
