/**
 * What an export cannot carry: the fields of the model a format has no place for (Backstage, Team
 * API), each named with where it is first written, so an export never loses a field silently.
 */
import type { Model } from "../../model/model.ts";

type Entry = Record<string, unknown>;

/** What a format carries of one section: its fields, which entries at all, and parts of a field it drops. */
interface Carried {
  fields: readonly string[];
  /** Entries the format writes at all (default: every entry). */
  entry?: (entry: Entry, model: Model) => boolean;
  /** A carried field's part the format drops, as a path below the field (e.g. "roles[].acknowledged"). */
  partly?: Record<string, (value: unknown) => string | undefined>;
}

/** A format's carriage: a section it does not list is dropped whole. */
export type Carriage = Partial<Record<SectionName, Carried>>;

type SectionName =
  | "organisation"
  | "people"
  | "openings"
  | "onCall"
  | "units"
  | "teams"
  | "products"
  | "stakeholders"
  | "raci"
  | "roles"
  | "activities"
  | "competencies"
  | "rules"
  | "suppress"
  | "evidence";

const acknowledged = (roles: unknown) =>
  Array.isArray(roles) && roles.some((r) => typeof r === "object" && r !== null && "acknowledged" in r)
    ? "roles[].acknowledged"
    : undefined;

/** `mlteam export --format backstage`: Groups, Users, Systems and Components. */
export const BACKSTAGE_CARRIES: Carriage = {
  organisation: { fields: ["name", "stage"] },
  people: {
    fields: ["id", "name", "emails", "titles", "roles", "handle"],
    partly: {
      emails: (v) => (Array.isArray(v) && v.length > 1 ? "emails (after the first)" : undefined),
      roles: acknowledged,
    },
  },
  units: { fields: ["id", "name", "type", "parent"] },
  teams: {
    fields: ["id", "name", "type", "members", "serves", "handle", "parent"],
    partly: {
      handle: (v) => (typeof v === "string" && !v.includes("/") ? "handle (without an org/)" : undefined),
    },
  },
  products: { fields: ["id", "name", "team", "stage"] },
};

const inATeam = (entry: Entry, model: Model) =>
  model.teams.some((t) => t.members?.includes(String(entry.id)));
const ofATeam = (entry: Entry) => entry.team !== undefined;

/** `mlteam export --format team-api`: a Team API per team. */
export const TEAM_API_CARRIES: Carriage = {
  organisation: { fields: ["name"] },
  people: {
    fields: ["id", "name", "roles", "handle", "employment"],
    entry: inATeam,
    partly: {
      roles: (v) =>
        Array.isArray(v) && v.some((r) => typeof r === "object" && r !== null && Object.keys(r).length > 1)
          ? "roles[].allocation/acknowledged"
          : undefined,
    },
  },
  teams: { fields: ["id", "name", "type", "members", "lead", "serves", "handle", "parent"] },
  products: { fields: ["id", "name", "team", "stage"] },
  openings: { fields: ["id", "role", "team", "start"], entry: ofATeam },
  onCall: { fields: ["id", "team", "people"], entry: ofATeam },
};

/** One dropped field: its path in the model, how many entries hold it, and the first's location. */
export interface Dropped {
  path: string;
  count: number;
  where: string;
}

/** The model's entries by section, the single ones (organisation, evidence) as lists of one. */
function sectionsOf(model: Model): [SectionName, Entry[]][] {
  const single = (value: object | undefined) => (value && Object.keys(value).length ? [value as Entry] : []);
  return [
    ["organisation", single(model.organisation)],
    ["people", model.people],
    ["openings", model.openings],
    ["onCall", model.onCall],
    ["units", model.units],
    ["teams", model.teams],
    ["products", model.products],
    ["stakeholders", model.stakeholders],
    ["raci", model.raci],
    ["roles", model.roles],
    ["activities", model.activities],
    ["competencies", model.competencies],
    ["rules", single(model.rules)],
    ["suppress", model.suppress],
    ["evidence", single(model.evidence?.settings)],
  ] as [SectionName, Entry[]][];
}

/** The fields of `model` a format with `carriage` drops, in the model's order. */
export function droppedFields(model: Model, carriage: Carriage): Dropped[] {
  const found = new Map<string, Dropped>();
  const note = (path: string, entry: object, at: string[]) => {
    const seen = found.get(path);
    if (seen) seen.count++;
    else {
      const l = model.locate(entry, at);
      found.set(path, { path, count: 1, where: `${l.file}:${l.line}:${l.column}` });
    }
  };
  for (const [section, entries] of sectionsOf(model)) {
    const carried = carriage[section];
    const list = section === "organisation" || section === "rules" || section === "evidence" ? "" : "[]";
    for (const entry of entries) {
      if (!carried || (carried.entry && !carried.entry(entry, model))) {
        note(`${section}${list}${carried ? " (outside a team)" : ""}`, entry, []);
        continue;
      }
      for (const [key, value] of Object.entries(entry)) {
        if (!carried.fields.includes(key)) note(`${section}${list}.${key}`, entry, [key]);
        else {
          const part = carried.partly?.[key]?.(value);
          if (part) note(`${section}${list}.${part}`, entry, [key]);
        }
      }
    }
  }
  return [...found.values()];
}

/** The dropped fields as warnings, one a line: "<file:line:col>: <format> drops <path> (<n> entries)". */
export const droppedWarnings = (format: string, dropped: readonly Dropped[]) =>
  dropped.map(
    (d) => `${d.where}: the ${format} export drops ${d.path}${d.count > 1 ? ` (${d.count} entries)` : ""}`,
  );
