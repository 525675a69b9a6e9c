/**
 * A CSV roster → people, as HR systems export them. Headers are matched case-insensitively
 * through common synonyms ("Full Name", "Work Email", "Job Title", "Manager", "FTE",
 * "Employment Type", "Department"…), or as `--map column=field` says; a column named after a
 * competency holds a level 0–4. Titles map to roles through the catalog's aliases (grades and
 * abbreviations dropped). What was used, skipped and left unmapped is reported.
 */
import { parse } from "csv-parse/sync";
import { type CompetencyDef, type RoleDef, roleForTitle, roleSuggestedByTitle } from "../catalog/index.ts";
import type { Person, RoleAssignment } from "../model/schema.ts";
import { type Imported, slug } from "./types.ts";

/** The fields a roster column can fill, and the headers that mean each. */
export const CSV_FIELDS: Readonly<Record<string, readonly string[]>> = {
  name: ["name", "full name", "fullname", "employee name", "display name", "person"],
  email: ["email", "e-mail", "work email", "email address", "work e-mail", "mail"],
  title: ["title", "job title", "position", "job", "role title"],
  id: ["id", "employee id", "username", "login", "user"],
  roles: ["roles", "mlteam roles"],
  reportsTo: ["reports_to", "reports to", "manager", "line manager", "manager email", "supervisor"],
  capacity: ["fte", "capacity", "capacity %", "fte %", "working time"],
  employment: ["employment", "employment type", "worker type", "contract type", "employee type"],
  "x-department": ["department", "dept", "org unit", "organisation unit", "organization unit"],
};

export class CsvRosterError extends Error {
  override name = "CsvRosterError";
}

const EMPLOYMENT: [RegExp, Person["employment"]][] = [
  [/contract/i, "contractor"],
  [/vendor|agency|consult|supplier|third/i, "vendor"],
  [/employee|permanent|full|part|staff|internal/i, "employee"],
];

/** "0.5", "50", "50%", "1" → percent of full time, or undefined. */
function percent(value: string): number | undefined {
  const n = Number(value.replace("%", "").trim());
  if (!Number.isFinite(n) || n <= 0) return undefined;
  const p = n <= 1.0001 && !value.includes("%") ? n * 100 : n;
  return p > 100 ? undefined : Math.round(p);
}

export interface CsvOptions {
  /** Column → field overrides (`--map "Worker Name=name"`). */
  map?: Readonly<Record<string, string>>;
}

/** What reading the rows gathers besides the people: notes, titles mapping to no role, managers to resolve. */
interface RosterRead {
  /** The field each used header fills. */
  fieldOf: Map<string, string>;
  roles: readonly RoleDef[];
  notes: string[];
  unmappedTitles: Map<string, number>;
  /** Ids taken so far. */
  seen: Set<string>;
  managers: { person: Person; value: string }[];
}

export function importCsvRoster(
  text: string,
  roles: readonly RoleDef[],
  competencies: readonly CompetencyDef[],
  options: CsvOptions = {},
): Imported {
  const rows = parse(text, { columns: true, skip_empty_lines: true, trim: true, bom: true }) as Record<
    string,
    string
  >[];
  const headers = rows[0]
    ? Object.keys(rows[0])
    : ((parse(text, { to_line: 1, bom: true }) as string[][])[0] ?? []);
  const fieldOf = mapHeaders(headers, competencies, options);
  const unknownColumns = headers.filter((h) => !fieldOf.has(h));
  const read: RosterRead = {
    fieldOf,
    roles,
    notes: [],
    unmappedTitles: new Map(),
    seen: new Set(),
    managers: [],
  };
  const people: Person[] = [];
  let skipped = 0;
  rows.forEach((row, index) => {
    const person = readPerson(read, row, index);
    if (person) people.push(person);
    else skipped++;
  });
  resolveManagers(read, people);
  return {
    people,
    teams: [],
    raci: [],
    notes: read.notes,
    summary: {
      created: people.length,
      skipped,
      used: [...fieldOf].map(([h, f]) => `${h} → ${f.replace(/^skill:/, "skill ")}`),
      unknownColumns,
      unmapped: [...read.unmappedTitles].map(([t, n]) => (n > 1 ? `${t} ×${n}` : t)),
    },
  };
}

/**
 * Which field each header fills: --map first, then the synonyms, then competencies. Throws when a
 * --map names no field or no column holds the names.
 */
function mapHeaders(
  headers: string[],
  competencies: readonly CompetencyDef[],
  options: CsvOptions,
): Map<string, string> {
  const competencyByHeader = new Map<string, string>();
  for (const c of competencies) {
    competencyByHeader.set(c.id, c.id);
    competencyByHeader.set(c.name.toLowerCase(), c.id);
  }
  const fieldOf = new Map<string, string>();
  const overrides = new Map(Object.entries(options.map ?? {}).map(([k, v]) => [k.trim().toLowerCase(), v]));
  for (const header of headers) {
    const key = header.trim().toLowerCase();
    const field =
      overrides.get(key) ??
      Object.entries(CSV_FIELDS).find(([, synonyms]) => synonyms.includes(key))?.[0] ??
      (competencyByHeader.has(key) ? `skill:${competencyByHeader.get(key)}` : undefined);
    if (field) fieldOf.set(header, field);
  }
  for (const [column, field] of overrides)
    if (!(field in CSV_FIELDS) && !field.startsWith("x-"))
      throw new CsvRosterError(
        `--map ${column}=${field}: ${field} is not a field (${Object.keys(CSV_FIELDS).join(", ")}, or x-…)`,
      );
  if (![...fieldOf.values()].includes("name"))
    throw new CsvRosterError(
      `no column holds people's names: the headers are ${headers.map((h) => `"${h}"`).join(", ") || "none"}; accepted for the name: ${CSV_FIELDS.name?.map((h) => `"${h}"`).join(", ")} (or --map "<column>=name"); others: ${Object.keys(
        CSV_FIELDS,
      )
        .filter((f) => f !== "name")
        .join(", ")} and a column per competency`,
    );
  return fieldOf;
}

/** A row as a person (its manager noted for later); undefined, with a note, when it has no name. */
function readPerson(read: RosterRead, row: Record<string, string>, index: number): Person | undefined {
  const { fieldOf, notes } = read;
  const get = (field: string) => {
    for (const [header, f] of fieldOf) if (f === field && row[header]) return row[header] as string;
    return "";
  };
  const name = get("name");
  if (!name) {
    notes.push(`row ${index + 2}: no name; skipped`);
    return undefined;
  }
  const email = get("email");
  let id = get("id") ? slug(get("id")) : slug(email ? (email.split("@")[0] ?? name) : name);
  while (read.seen.has(id)) id = `${id}-${index + 2}`;
  read.seen.add(id);
  const titles = get("title")
    .split(";")
    .map((t) => t.trim())
    .filter(Boolean);
  const assigned = assignRoles(read, get("roles"), titles);
  const skills = readSkills(read, row, name);
  const capacity = get("capacity") ? percent(get("capacity")) : undefined;
  if (get("capacity") && capacity === undefined)
    notes.push(`${name}: FTE "${get("capacity")}" is not a share of full time; left out`);
  const employment = get("employment") ? EMPLOYMENT.find(([p]) => p.test(get("employment")))?.[1] : undefined;
  const extras: Record<string, string> = {};
  for (const [header, field] of fieldOf)
    if (field.startsWith("x-") && row[header]) extras[field] = row[header] as string;
  const person: Person = {
    id,
    name,
    ...(email ? { emails: [email] } : {}),
    ...(titles.length ? { titles } : {}),
    ...(assigned.length
      ? { roles: [...new Map(assigned.map((a) => [typeof a === "string" ? a : a.role, a])).values()] }
      : {}),
    ...(Object.keys(skills).length ? { skills } : {}),
    ...(capacity !== undefined && capacity < 100 ? { capacity } : {}),
    ...(employment && employment !== "employee" ? { employment } : {}),
    ...extras,
  };
  if (get("reportsTo")) read.managers.push({ person, value: get("reportsTo") });
  return person;
}

/** The roles a "roles" cell lists ("role:allocation; …"), or else those the titles map to (counting the titles that map to none). */
function assignRoles(read: RosterRead, listed: string, titles: string[]): RoleAssignment[] {
  if (listed)
    return listed
      .split(";")
      .map((r) => r.trim())
      .filter(Boolean)
      .map((r) => {
        const [role = "", allocation] = r.split(":");
        return allocation === undefined ? role : { role, allocation: Number(allocation) };
      });
  const assigned: RoleAssignment[] = [];
  for (const title of titles) {
    // A title never records a commitment (executive sponsor, evangelist): those are left to the user.
    const role = roleSuggestedByTitle(read.roles, title);
    if (role) assigned.push(role);
    else if (roleForTitle(read.roles, title) === undefined)
      read.unmappedTitles.set(title, (read.unmappedTitles.get(title) ?? 0) + 1);
  }
  return assigned;
}

/** The levels of the competency columns; a value that is no level 0–4 is noted and left out. */
function readSkills(read: RosterRead, row: Record<string, string>, name: string): Record<string, number> {
  const skills: Record<string, number> = {};
  for (const [header, field] of read.fieldOf) {
    if (!field.startsWith("skill:")) continue;
    const value = row[header] ?? "";
    if (value === "") continue;
    const level = Number(value);
    if (Number.isInteger(level) && level >= 0 && level <= 4) skills[field.slice(6)] = level;
    else read.notes.push(`${name}: ${header} "${value}" is not a level 0–4; left out`);
  }
  return skills;
}

/** Managers by id, e-mail or name, once everyone is known; those not found are counted in a note. */
function resolveManagers(read: RosterRead, people: Person[]): void {
  const byKey = new Map<string, string>();
  for (const p of people) {
    byKey.set(p.id.toLowerCase(), p.id);
    byKey.set(p.name.toLowerCase(), p.id);
    for (const e of p.emails ?? []) byKey.set(e.toLowerCase(), p.id);
  }
  let unresolved = 0;
  for (const { person, value } of read.managers) {
    const manager = byKey.get(value.toLowerCase());
    if (manager && manager !== person.id) person.reportsTo = manager;
    else unresolved++;
  }
  if (unresolved)
    read.notes.push(
      `${unresolved} ${unresolved === 1 ? "manager is" : "managers are"} not in the roster; reportsTo left out`,
    );
}
