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

export async function importXlsx(content: Buffer): Promise<Imported> {
  let sheets: { sheet: string; data: Row[] }[];
  try {
    sheets = (await readXlsxFile(content)) as { sheet: string; data: Row[] }[];
  } catch (error) {
    throw new XlsxImportError(
      `not an XLSX workbook (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  const sheet = (name: string) => sheets.find((s) => s.sheet === name)?.data ?? [];
  const notes: string[] = [];
  if (!sheets.some((s) => s.sheet === "People"))
    throw new XlsxImportError(
      `no "People" sheet (sheets: ${sheets.map((s) => s.sheet).join(", ")}); import a workbook written by mlteam export --format xlsx`,
    );
  const column = (header: Row | undefined, name: string) =>
    (header ?? []).findIndex((h) => text(h).toLowerCase() === name.toLowerCase());

  // People, with their roles and allocations ("data-scientist 70%").
  const [peopleHeader, ...peopleRows] = sheet("People");
  const at = (name: string) => column(peopleHeader, name);
  const people: Person[] = [];
  const byId = new Map<string, Person>();
  for (const row of peopleRows) {
    const id = text(row[at("Id")]);
    const name = text(row[at("Name")]);
    if (!id || !name) continue;
    const roles: RoleAssignment[] = list(row[at("Roles")]).map((r) => {
      const match = /^(\S+)\s+(\d+(?:\.\d+)?)%$/.exec(r);
      return match ? { role: match[1] as string, allocation: Number(match[2]) } : r;
    });
    const employment = text(row[at("Employment")]);
    const capacity = Number(text(row[at("Capacity %")]) || 100);
    const person: Person = {
      id,
      name,
      ...(list(row[at("E-mail")]).length ? { emails: list(row[at("E-mail")]) } : {}),
      ...(list(row[at("Titles")]).length ? { titles: list(row[at("Titles")]) } : {}),
      ...(roles.length ? { roles } : {}),
      ...(text(row[at("Handle")]) ? { handle: text(row[at("Handle")]) } : {}),
      ...(employment === "contractor" || employment === "vendor" ? { employment } : {}),
      ...(capacity > 0 && capacity < 100 ? { capacity } : {}),
      ...(text(row[at("Leaves")]) ? { leaves: text(row[at("Leaves")]) } : {}),
    };
    people.push(person);
    byId.set(id, person);
  }

  // Skills: a column per competency, a row per person.
  const [skillsHeader, ...skillRows] = sheet("Skills");
  for (const row of skillRows) {
    const person = byId.get(idOf(text(row[0])));
    if (!person) continue;
    const skills: Record<string, number> = {};
    (skillsHeader ?? []).slice(1).forEach((h, i) => {
      const value = row[i + 1];
      if (value === null || value === undefined || value === "") return;
      const level = Number(value);
      if (Number.isInteger(level) && level >= 0 && level <= 4) skills[idOf(text(h))] = level;
      else notes.push(`Skills: ${person.id} ${text(h)} "${text(value)}" is not a level 0–4; left out`);
    });
    if (Object.keys(skills).length) person.skills = skills;
  }

  // Absences.
  const [, ...absenceRows] = sheet("Absences");
  for (const row of absenceRows) {
    const person = byId.get(text(row[0]));
    if (!person || !text(row[1]) || !text(row[2])) continue;
    person.absences = [
      ...(person.absences ?? []),
      { from: text(row[1]), to: text(row[2]), ...(text(row[3]) ? { reason: text(row[3]) } : {}) },
    ];
  }

  // Teams.
  const [teamsHeader, ...teamRows] = sheet("Teams");
  const t = (name: string) => column(teamsHeader, name);
  const teams: Team[] = [];
  for (const row of teamRows) {
    const id = text(row[t("Id")]);
    const type = text(row[t("Type")]);
    if (!id || !["product", "platform", "full-stack", "enabling"].includes(type)) continue;
    teams.push({
      id,
      type: type as Team["type"],
      ...(text(row[t("Name")]) ? { name: text(row[t("Name")]) } : {}),
      ...(list(row[t("Members")]).length ? { members: list(row[t("Members")]) } : {}),
      ...(text(row[t("Lead")]) ? { lead: text(row[t("Lead")]) } : {}),
      ...(list(row[t("Serves")]).length ? { serves: list(row[t("Serves")]) } : {}),
      ...(text(row[t("Handle")]) ? { handle: text(row[t("Handle")]) } : {}),
      ...(text(row[t("Parent")]) ? { parent: text(row[t("Parent")]) } : {}),
    });
  }

  // Units of the organisation tree.
  const [unitsHeader, ...unitRows] = sheet("Units");
  const u = (name: string) => column(unitsHeader, name);
  const units: Unit[] = [];
  for (const row of unitRows) {
    const id = text(row[u("Id")]);
    if (!id) continue;
    const [name, type, parent] = [text(row[u("Name")]), text(row[u("Type")]), text(row[u("Parent")])];
    units.push({ id, ...(name ? { name } : {}), ...(type ? { type } : {}), ...(parent ? { parent } : {}) });
  }

  // Openings.
  const [openingsHeader, ...openingRows] = sheet("Openings");
  const o = (name: string) => column(openingsHeader, name);
  const openings: Opening[] = [];
  for (const row of openingRows) {
    const [id, role] = [text(row[o("Id")]), text(row[o("Role")])];
    if (!id || !role) continue;
    const status = text(row[o("Status")]);
    const field = (name: string, key: keyof Opening) =>
      text(row[o(name)]) ? { [key]: text(row[o(name)]) } : {};
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

  // Stakeholders.
  const [stakeHeader, ...stakeRows] = sheet("Stakeholders");
  const k = (name: string) => column(stakeHeader, name);
  const stakeholders: Stakeholder[] = [];
  for (const row of stakeRows) {
    const kind = text(row[k("Kind")]) as Stakeholder["kind"];
    const [person, name] = [text(row[k("Person")]), text(row[k("Name")])];
    if (!STAKEHOLDER_KINDS.includes(kind) || (!person && !name)) {
      if (kind || person || name)
        notes.push(`Stakeholders: row "${kind}, ${person || name}" is not a stakeholder kind; left out`);
      continue;
    }
    const [review, note] = [text(row[k("Last review")]), text(row[k("Note")])];
    stakeholders.push({
      kind,
      ...(person ? { person } : {}),
      ...(name ? { name } : {}),
      ...(text(row[k("Engaged")]).toLowerCase() === "no" ? { engaged: false } : {}),
      ...(review ? { lastReview: review } : {}),
      ...(note ? { note } : {}),
    });
  }

  // Products.
  const [, ...productRows] = sheet("Products");
  const products: Product[] = [];
  for (const row of productRows) {
    const id = text(row[0]);
    const stage = text(row[3]);
    if (!id || !text(row[2]) || (stage !== "prototype" && stage !== "production")) continue;
    products.push({ id, team: text(row[2]), stage, ...(text(row[1]) ? { name: text(row[1]) } : {}) });
  }

  // RACI: a row per activity (and product), a column per role or person:<id>.
  const [raciHeader, ...raciRows] = sheet("RACI");
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
  return {
    people,
    teams,
    ...(units.length ? { units } : {}),
    ...(products.length ? { products } : {}),
    ...(openings.length ? { openings } : {}),
    ...(stakeholders.length ? { stakeholders } : {}),
    raci,
    notes,
    summary: {
      created: people.length,
      skipped: peopleRows.length - people.length,
      used: sheets
        .map((s) => s.sheet)
        .filter((s) =>
          [
            "People",
            "Skills",
            "Absences",
            "Teams",
            "Units",
            "Products",
            "Openings",
            "Stakeholders",
            "RACI",
          ].includes(s),
        ),
      unknownColumns: [],
      unmapped: [],
    },
  };
}
