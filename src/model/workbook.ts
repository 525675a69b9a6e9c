/**
 * The workbook's layout: a sheet per section of the model, a column per field, and how each field
 * is written in a cell and read back — shared by the XLSX export and import, so the two cannot drift.
 * Lists are written `a; b` (JSON when an item holds `;` or starts with `[`), nested values as JSON,
 * a text that starts with `"` or has surrounding spaces as a JSON string; an entry's own `x-*` keys
 * go to its "Extensions" column as a JSON object. docs/import-export.md lists the columns.
 */
import { isExtensionKey } from "./schema.ts";

/** How a field is written in a cell. */
export type CellKind = "text" | "number" | "boolean" | "list" | "refs" | "json";

/** A cell as the spreadsheet libraries give it. */
export type CellValue = string | number | boolean | Date | null | undefined;

export interface Column {
  header: string;
  /** The entry's field; "x-*" for the Extensions column. */
  key: string;
  kind: CellKind;
}

/** A sheet holding one list section of the model, an entry a row. */
export interface SectionSheet {
  sheet: string;
  section:
    | "people"
    | "teams"
    | "units"
    | "products"
    | "openings"
    | "onCall"
    | "stakeholders"
    | "raci"
    | "roles"
    | "activities"
    | "competencies"
    | "suppress";
  columns: Column[];
}

const col = (header: string, key: string, kind: CellKind = "text"): Column => ({ header, key, kind });
export const EXTENSIONS: Column = col("Extensions", "x-*", "json");

/** People's columns; roles, skills and absences have their own syntax or sheet (see the exporter). */
export const PEOPLE_COLUMNS: Column[] = [
  col("Id", "id"),
  col("Name", "name"),
  col("E-mail", "emails", "list"),
  col("Git", "git", "list"),
  col("Handle", "handle"),
  col("Titles", "titles", "list"),
  col("Reports to", "reportsTo"),
  col("Employment", "employment"),
  col("Capacity %", "capacity", "number"),
  col("Joined", "joined"),
  col("Leaves", "leaves"),
  col("Training", "training", "json"),
  col("Development", "development", "json"),
  EXTENSIONS,
];

/** The Absences sheet's columns after "Person". */
export const ABSENCE_COLUMNS: Column[] = [
  col("From", "from"),
  col("To", "to"),
  col("Reason", "reason"),
  EXTENSIONS,
];

/** Every list section but people (whose sheet has extra columns) and the RACI's own `RACI rows` sheet. */
export const SECTION_SHEETS: SectionSheet[] = [
  {
    sheet: "Teams",
    section: "teams",
    columns: [
      col("Id", "id"),
      col("Name", "name"),
      col("Type", "type"),
      col("Members", "members", "list"),
      col("Lead", "lead"),
      col("Serves", "serves", "list"),
      col("Handle", "handle"),
      col("Parent", "parent"),
      EXTENSIONS,
    ],
  },
  {
    sheet: "Units",
    section: "units",
    columns: [col("Id", "id"), col("Name", "name"), col("Type", "type"), col("Parent", "parent"), EXTENSIONS],
  },
  {
    sheet: "Products",
    section: "products",
    columns: [
      col("Id", "id"),
      col("Name", "name"),
      col("Team", "team"),
      col("Stage", "stage"),
      col("Risk", "risk"),
      col("Annex", "annex"),
      col("Operator", "operator"),
      col("Oversight", "oversight", "list"),
      col("Docs", "docs", "json"),
      EXTENSIONS,
    ],
  },
  {
    sheet: "Openings",
    section: "openings",
    columns: [
      col("Id", "id"),
      col("Role", "role"),
      col("Team", "team"),
      col("Product", "product"),
      col("Start", "start"),
      col("Status", "status"),
      col("Note", "note"),
      EXTENSIONS,
    ],
  },
  {
    sheet: "On call",
    section: "onCall",
    columns: [
      col("Id", "id"),
      col("Activity", "activity"),
      col("Team", "team"),
      col("People", "people", "list"),
      col("Note", "note"),
      EXTENSIONS,
    ],
  },
  {
    sheet: "Stakeholders",
    section: "stakeholders",
    columns: [
      col("Kind", "kind"),
      col("Person", "person"),
      col("Name", "name"),
      col("Engaged", "engaged", "boolean"),
      col("Last review", "lastReview"),
      col("Note", "note"),
      EXTENSIONS,
    ],
  },
  {
    sheet: "RACI rows",
    section: "raci",
    columns: [
      col("Activity", "activity"),
      col("Product", "product"),
      col("R", "R", "refs"),
      col("A", "A", "refs"),
      col("C", "C", "refs"),
      col("I", "I", "refs"),
      col("Backup", "backup", "refs"),
      col("Note", "note"),
      EXTENSIONS,
    ],
  },
  {
    sheet: "Roles",
    section: "roles",
    columns: [
      col("Id", "id"),
      col("Name", "name"),
      col("Category", "category"),
      col("Focus", "focus"),
      col("Responsibilities", "responsibilities", "list"),
      col("Tools", "tools", "list"),
      col("Deliverables", "deliverables", "list"),
      col("Competencies", "competencies", "json"),
      col("Project only", "projectOnly", "boolean"),
      col("Aliases", "aliases", "list"),
      EXTENSIONS,
    ],
  },
  {
    sheet: "Activities",
    section: "activities",
    columns: [
      col("Id", "id"),
      col("Name", "name"),
      col("Area", "area"),
      col("Description", "description"),
      col("Competencies", "competencies", "json"),
      col("Essential from", "essentialFrom"),
      col("Production critical", "productionCritical", "boolean"),
      EXTENSIONS,
    ],
  },
  {
    sheet: "Competencies",
    section: "competencies",
    columns: [
      col("Id", "id"),
      col("Name", "name"),
      col("Group", "group"),
      col("Description", "description"),
      col("Tools", "tools", "list"),
      EXTENSIONS,
    ],
  },
  {
    sheet: "Suppressions",
    section: "suppress",
    columns: [
      col("Rule", "rule"),
      col("Subject", "subject"),
      col("Reason", "reason"),
      col("Expires", "expires"),
      EXTENSIONS,
    ],
  },
];

/** The Organisation sheet's rows (a field a row: "Field", "Value"); Rules and Evidence hold the model's settings as JSON. */
export const ORGANISATION_FIELDS: Column[] = [
  col("Name", "name"),
  col("Stage", "stage"),
  col("ML products", "mlProducts", "number"),
  col("Topology", "topology"),
  col("Frameworks", "frameworks", "list"),
  EXTENSIONS,
];
export const SETTINGS_FIELDS: Column[] = [col("Rules", "rules", "json"), col("Evidence", "evidence", "json")];

/** The column of `RACI rows` that records the matrix's cells as exported, to tell an edited matrix. */
export const MATRIX_AS_EXPORTED = "Matrix as exported";

/** A matrix row's cells as one text, "column=letters; …" sorted: what `Matrix as exported` records. */
export const matrixCellsText = (cells: Record<string, string>) =>
  Object.entries(cells)
    .filter(([, letters]) => letters !== "")
    .map(([column, letters]) => `${column}=${letters}`)
    .sort()
    .join("; ");

/** An item of an `a; b` list that reads back as itself. */
const plainItem = (s: string) => s !== "" && s === s.trim() && !s.includes(";") && !s.startsWith("[");
/** A text that reads back as itself without quoting. */
const plainText = (s: string) => s !== "" && s === s.trim() && !s.startsWith('"');

/** The `x-*` keys of `entry`, or undefined when it has none. */
export function extensionsOf(entry: object): Record<string, unknown> | undefined {
  const found = Object.entries(entry).filter(([key]) => isExtensionKey(key));
  return found.length ? Object.fromEntries(found) : undefined;
}

/** `value` (a field of an entry) as a cell; undefined stays an empty cell. */
export function toCell(value: unknown, kind: CellKind): string | number | boolean | null {
  if (value === undefined || value === null) return null;
  switch (kind) {
    case "number":
    case "boolean":
      return typeof value === kind ? (value as number | boolean) : JSON.stringify(value);
    case "text":
      return typeof value === "string" && plainText(value) ? value : JSON.stringify(value);
    case "list":
      return Array.isArray(value) &&
        value.length > 0 &&
        value.every((v) => typeof v === "string" && plainItem(v))
        ? value.join("; ")
        : JSON.stringify(value);
    case "refs":
      if (typeof value === "string")
        return plainItem(value) && !value.startsWith('"') ? value : JSON.stringify(value);
      return Array.isArray(value) && value.length > 1 ? toCell(value, "list") : JSON.stringify(value);
    case "json":
      return JSON.stringify(value);
  }
}

/** What a cell gives back: a value, nothing (an empty cell), or a problem to note. */
export type Read = { value: unknown } | { empty: true } | { problem: string };

const cellText = (v: CellValue) =>
  v === null || v === undefined ? "" : v instanceof Date ? v.toISOString().slice(0, 10) : String(v);

function parseJson(text: string): Read {
  try {
    return { value: JSON.parse(text) as unknown };
  } catch {
    return { problem: `"${text.slice(0, 40)}" is not JSON` };
  }
}

/** A cell read back as the field it holds (the inverse of `toCell`). */
export function fromCell(cell: CellValue, kind: CellKind): Read {
  if (typeof cell === "number" && kind === "number") return { value: cell };
  if (typeof cell === "boolean" && kind === "boolean") return { value: cell };
  const raw = cellText(cell);
  const text = raw.trim();
  if (text === "") return { empty: true };
  switch (kind) {
    case "number": {
      const n = Number(text.replace(/%$/, ""));
      return Number.isFinite(n) ? { value: n } : { problem: `"${text}" is not a number` };
    }
    case "boolean":
      if (/^(yes|true)$/i.test(text)) return { value: true };
      if (/^(no|false)$/i.test(text)) return { value: false };
      return { problem: `"${text}" is not yes or no` };
    case "text":
      return text.startsWith('"') ? orText(parseJson(text), text) : { value: text };
    case "list":
      return text.startsWith("[") ? parseJson(text) : { value: splitList(text) };
    case "refs":
      if (text.startsWith("[") || text.startsWith('"')) return parseJson(text);
      return text.includes(";") ? { value: splitList(text) } : { value: text };
    case "json":
      return parseJson(text);
  }
}

/** A quoted text that is not a JSON string is read as typed. */
const orText = (read: Read, text: string): Read =>
  "value" in read && typeof read.value === "string" ? read : { value: text };

const splitList = (text: string) =>
  text
    .split(";")
    .map((x) => x.trim())
    .filter(Boolean);
