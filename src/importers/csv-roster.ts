/**
 * A CSV roster → people, as HR systems export them. Headers are matched case-insensitively
 * through common synonyms ("Full Name", "Work Email", "Job Title", "Manager", "FTE",
 * "Employment Type", "Department"…), or as `--map column=field` says; a column named after a
 * competency holds a level 0–4. Titles map to roles through the catalog's aliases (grades and
 * abbreviations dropped). What was used, skipped and left unmapped is reported.
 */
import { parse } from "csv-parse/sync";
import { type CompetencyDef, type RoleDef, roleForTitle, roleSuggestedByTitle } from "../catalog/index.ts";
import type { Person, RoleAssignment, Team } from "../model/schema.ts";
import { dayOrder, employmentOf, hrDate, teamName, unmappedTitleReason } from "./hr-fields.ts";
import { type Imported, slug } from "./types.ts";

/** The fields a roster column can fill, and the headers that mean each. */
export const CSV_FIELDS: Readonly<Record<string, readonly string[]>> = {
  name: [
    "name",
    "full name",
    "fullname",
    "employee name",
    "display name",
    "person",
    "worker",
    "worker name",
    "preferred name",
    "full legal name",
    "legal name",
  ],
  email: [
    "email",
    "e-mail",
    "work email",
    "email address",
    "work e-mail",
    "mail",
    "email - work",
    "email address - work",
    "work email address",
    "primary work email",
  ],
  title: ["title", "job title", "position", "job", "role title", "business title", "position title"],
  id: ["id", "username", "login", "user"],
  handle: ["handle", "github", "github handle", "github username", "github login"],
  git: ["git", "git authors", "git author"],
  roles: ["roles", "mlteam roles"],
  reportsTo: [
    "reports_to",
    "reports to",
    "manager",
    "line manager",
    "manager email",
    "supervisor",
    "manager name",
    "reporting to",
    "supervisor name",
    "direct manager",
  ],
  capacity: ["fte", "capacity", "capacity %", "fte %", "working time", "scheduled weekly hours %"],
  employment: [
    "employment",
    "employment type",
    "worker type",
    "contract type",
    "employee type",
    "employment status",
    "worker sub-type",
  ],
  team: [
    "team",
    "department",
    "dept",
    "org unit",
    "organisation unit",
    "organization unit",
    "supervisory organization",
    "supervisory organisation",
  ],
  joined: ["joined", "hire date", "start date", "original hire date", "date of joining", "joining date"],
  leaves: ["leaves", "termination date", "end date", "leaving date", "last day", "last day of work"],
  "x-division": ["division"],
  // An HR system's number for the person: kept (and used to find a person's second row), not the model id.
  "x-employee-id": ["employee id", "employee #", "employee number", "worker id", "employee_id"],
};

/** What `--map` also accepts for a field: the model's own names. */
const FIELD_ALIASES: Readonly<Record<string, string>> = { emails: "email", titles: "title" };

export class CsvRosterError extends Error {
  override name = "CsvRosterError";
}

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
  managers: { person: Person; value: string; row: number }[];
  /** The day order of each date column's slashed dates. */
  dayOrder: Map<string, "mdy" | "dmy">;
  /** Team name → its members' ids, in the order met. */
  teams: Map<string, string[]>;
  /** Each person's row (1 is the header), and the person each e-mail or employee id was first met as. */
  rowOf: Map<Person, number>;
  byKey: Map<string, Person>;
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
    dayOrder: dateOrders(dateColumns(fieldOf), rows),
    teams: new Map(),
    rowOf: new Map(),
    byKey: new Map(),
  };
  const people: Person[] = [];
  let skipped = 0;
  rows.forEach((row, index) => {
    const person = readPerson(read, row, index);
    if (person === "merged") return;
    if (person) people.push(person);
    else skipped++;
  });
  resolveManagers(read, people);
  const teams: Team[] = [...read.teams].map(([name, members]) => ({
    id: slug(name),
    name,
    type: "product",
    members: [...new Set(members)],
  }));
  if (teams.length)
    read.notes.push(
      `${teams.length === 1 ? "1 team" : `${teams.length} teams`} from the department column, each of type product: review the type`,
    );
  return {
    people,
    teams,
    raci: [],
    notes: read.notes,
    summary: {
      created: people.length,
      skipped,
      used: [...fieldOf].map(([h, f]) => `${h} → ${f.replace(/^skill:/, "skill ")}`),
      unknownColumns,
      unmapped: [...read.unmappedTitles].map(
        ([t, n]) => `${unmappedTitleReason(roles, t)}${n > 1 ? ` (×${n})` : ""}`,
      ),
    },
  };
}

const dateColumns = (fieldOf: Map<string, string>) =>
  [...fieldOf].filter(([, f]) => f === "joined" || f === "leaves").map(([h]) => h);

/** The day order of each date column, from its values (a day over 12 decides); US order when none does. */
function dateOrders(columns: string[], rows: Record<string, string>[]): Map<string, "mdy" | "dmy"> {
  const orders = new Map<string, "mdy" | "dmy">();
  for (const column of columns) {
    const order = dayOrder(rows.map((r) => r[column] ?? ""));
    orders.set(column, order === "dmy" ? "dmy" : "mdy");
  }
  return orders;
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
  const overrides = new Map(
    Object.entries(options.map ?? {}).map(([k, v]) => [k.trim().toLowerCase(), FIELD_ALIASES[v] ?? v]),
  );
  for (const [column, field] of overrides)
    if (!(field in CSV_FIELDS) && !field.startsWith("x-") && !field.startsWith("skill:"))
      throw new CsvRosterError(
        `--map ${column}=${field}: ${field} is not a field (${Object.keys(CSV_FIELDS)
          .filter((f) => !f.startsWith("x-"))
          .join(", ")}, skill:<competency>, or x-…)`,
      );
  for (const header of headers) {
    const key = header.trim().toLowerCase();
    const field =
      overrides.get(key) ??
      Object.entries(CSV_FIELDS).find(([, synonyms]) => synonyms.includes(key))?.[0] ??
      (competencyByHeader.has(key) ? `skill:${competencyByHeader.get(key)}` : undefined);
    // One column per field: a second column meaning the same field is left unused (and listed).
    if (field && (field.startsWith("x-") || ![...fieldOf.values()].includes(field)))
      fieldOf.set(header, field);
  }
  if (![...fieldOf.values()].includes("name"))
    throw new CsvRosterError(
      `no column identifies people: the headers are ${headers.map((h) => `"${h}"`).join(", ") || "none"}; accepted for the name: ${CSV_FIELDS.name?.map((h) => `"${h}"`).join(", ")} (or --map "<column>=name"); others: ${Object.keys(
        CSV_FIELDS,
      )
        .filter((f) => f !== "name")
        .join(
          ", ",
        )} and a column per competency. Used: ${[...fieldOf].map(([h, f]) => `"${h}" → ${f}`).join(", ") || "none"}; ignored: ${
        headers
          .filter((h) => !fieldOf.has(h))
          .map((h) => `"${h}"`)
          .join(", ") || "none"
      }`,
    );
  return fieldOf;
}

/** A row's value of `field` (the first column filling it that is not empty). */
function cell(read: RosterRead, row: Record<string, string>, field: string): string {
  for (const [header, f] of read.fieldOf) if (f === field && row[header]) return row[header] as string;
  return "";
}

/** A date column's value as YYYY-MM-DD, noting a value that is no date. */
function dateCell(read: RosterRead, row: Record<string, string>, field: "joined" | "leaves", who: string) {
  for (const [header, f] of read.fieldOf) {
    if (f !== field || !row[header]) continue;
    const value = hrDate(row[header] as string, read.dayOrder.get(header));
    if (value === undefined) read.notes.push(`${who}: ${header} "${row[header]}" is not a date; left out`);
    return value;
  }
  return undefined;
}

/**
 * A row as a person (its manager noted for later); undefined, with a note, when it has no name;
 * "merged" when it is a second row of a person already read (same e-mail or employee id), noted.
 */
function readPerson(
  read: RosterRead,
  row: Record<string, string>,
  index: number,
): Person | "merged" | undefined {
  const { notes } = read;
  const get = (field: string) => cell(read, row, field);
  const name = get("name");
  if (!name) {
    notes.push(`row ${index + 2}: no name; skipped`);
    return undefined;
  }
  const email = get("email");
  const who = `row ${index + 2} (${name})`;
  const titles = get("title")
    .split(";")
    .map((t) => t.trim())
    .filter(Boolean);
  const assigned = assignRoles(read, get("roles"), titles);
  const skills = readSkills(read, row, name);
  const capacity = get("capacity") ? percent(get("capacity")) : undefined;
  if (get("capacity") && capacity === undefined)
    notes.push(`${name}: FTE "${get("capacity")}" is not a share of full time; left out`);
  const employment = get("employment") ? employmentOf(get("employment")) : undefined;
  if (get("employment") && employment === undefined)
    notes.push(
      `${who}: employment "${get("employment")}" is no employee, contractor or vendor type; left out`,
    );
  const joined = dateCell(read, row, "joined", who);
  const leaves = dateCell(read, row, "leaves", who);
  const extras: Record<string, string> = {};
  for (const [header, field] of read.fieldOf)
    if (field.startsWith("x-") && row[header]) extras[field] = row[header] as string;
  const person: Person = {
    id: "",
    name,
    ...(email ? { emails: [email] } : {}),
    ...(get("handle") ? { handle: get("handle").startsWith("@") ? get("handle") : `@${get("handle")}` } : {}),
    ...(titles.length ? { titles } : {}),
    ...(get("git")
      ? {
          git: get("git")
            .split(";")
            .map((g) => g.trim()),
        }
      : {}),
    ...(assigned.length
      ? { roles: [...new Map(assigned.map((a) => [typeof a === "string" ? a : a.role, a])).values()] }
      : {}),
    ...(Object.keys(skills).length ? { skills } : {}),
    ...(capacity !== undefined && capacity < 100 ? { capacity } : {}),
    ...(employment && employment !== "employee" ? { employment } : {}),
    ...(joined ? { joined } : {}),
    ...(leaves ? { leaves } : {}),
    ...extras,
  };
  const keys = [email && `e-mail ${email.toLowerCase()}`, get("id") && `id ${get("id")}`].filter(
    Boolean,
  ) as string[];
  if (mergedIntoEarlier(read, person, keys, index + 2, get("reportsTo"))) return "merged";
  let id = get("id") ? slug(get("id")) : slug(email ? (email.split("@")[0] ?? name) : name);
  while (read.seen.has(id)) id = `${id}-${index + 2}`;
  read.seen.add(id);
  person.id = id;
  for (const key of keys) read.byKey.set(key, person);
  read.rowOf.set(person, index + 2);
  const team = get("team") ? teamName(get("team")) : "";
  if (team) read.teams.set(team, [...(read.teams.get(team) ?? []), id]);
  if (get("reportsTo")) read.managers.push({ person, value: get("reportsTo"), row: index + 2 });
  return person;
}

/** When an earlier row has one of `keys` (an e-mail, an employee id), fills it in from `person` and notes both rows. */
function mergedIntoEarlier(
  read: RosterRead,
  person: Person,
  keys: string[],
  row: number,
  manager: string,
): boolean {
  const first = keys.map((k) => read.byKey.get(k)).find((p) => p !== undefined);
  if (!first) return false;
  const same = keys.find((k) => read.byKey.get(k) === first)?.split(" ")[0];
  read.notes.push(
    `rows ${read.rowOf.get(first)} and ${row} are one person (${first.name}, same ${same}): read as one, the later row filling in what the first left empty`,
  );
  for (const [key, value] of Object.entries(person))
    if (key !== "id" && (first as Record<string, unknown>)[key] === undefined)
      (first as Record<string, unknown>)[key] = value;
  if (manager && !read.managers.some((m) => m.person === first))
    read.managers.push({ person: first, value: manager, row });
  return true;
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

/**
 * Managers by id, e-mail or name ("Last, First" too), once everyone is known; each that matches
 * nobody is noted with its row.
 */
function resolveManagers(read: RosterRead, people: Person[]): void {
  const byKey = new Map<string, string>();
  for (const p of people) {
    byKey.set(p.id.toLowerCase(), p.id);
    byKey.set(p.name.toLowerCase(), p.id);
    for (const e of p.emails ?? []) byKey.set(e.toLowerCase(), p.id);
  }
  for (const { person, value, row } of read.managers) {
    const key = value.trim().toLowerCase();
    const reversed = key.includes(",")
      ? key
          .split(",")
          .reverse()
          .map((x) => x.trim())
          .join(" ")
      : key;
    // Workday may write the manager with their id in parentheses: "Maya Lindqvist (E1001)".
    const manager = byKey.get(key) ?? byKey.get(reversed) ?? byKey.get(teamName(key));
    if (manager && manager !== person.id) person.reportsTo = manager;
    else if (!manager)
      read.notes.push(
        `row ${row} (${person.name}): manager "${value}" matches nobody in the file; reportsTo left out`,
      );
  }
}
