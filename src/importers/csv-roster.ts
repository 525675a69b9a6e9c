/**
 * A CSV roster → people. Columns (case-insensitive): name, email, title (several separated by ";"),
 * optionally id, roles ("role" or "role:allocation", ";"-separated) and reports_to; any column named
 * after a competency id or name holds a level 0–4. Titles map to roles through the catalog's aliases.
 */
import { parse } from "csv-parse/sync";
import { type CompetencyDef, type RoleDef, roleForTitle } from "../catalog/index.ts";
import type { Person, RoleAssignment } from "../model/schema.ts";
import { type Imported, slug } from "./types.ts";

export function importCsvRoster(
  text: string,
  roles: readonly RoleDef[],
  competencies: readonly CompetencyDef[],
): Imported {
  const rows = parse(text, {
    columns: (h: string[]) => h.map((c) => c.trim().toLowerCase()),
    skip_empty_lines: true,
    trim: true,
  }) as Record<string, string>[];
  const notes: string[] = [];
  const byColumn = new Map<string, string>();
  for (const c of competencies) {
    byColumn.set(c.id, c.id);
    byColumn.set(c.name.toLowerCase(), c.id);
  }
  const seen = new Set<string>();
  const people: Person[] = [];
  rows.forEach((row, index) => {
    const name = row.name ?? "";
    if (!name) {
      notes.push(`row ${index + 2}: no name; skipped`);
      return;
    }
    const email = row.email ?? "";
    let id = row.id || slug(email ? (email.split("@")[0] ?? name) : name);
    while (seen.has(id)) id = `${id}-${index + 2}`;
    seen.add(id);
    const titles = (row.title ?? "")
      .split(";")
      .map((t) => t.trim())
      .filter(Boolean);
    let assigned: RoleAssignment[] = [];
    if (row.roles) {
      assigned = row.roles
        .split(";")
        .map((r) => r.trim())
        .filter(Boolean)
        .map((r) => {
          const [role = "", allocation] = r.split(":");
          return allocation === undefined ? role : { role, allocation: Number(allocation) };
        });
    } else {
      for (const title of titles) {
        const role = roleForTitle(roles, title);
        if (role) assigned.push(role);
        else
          notes.push(
            `${name}: title "${title}" maps to no role of the catalog; add the role by hand or an alias under roles:`,
          );
      }
    }
    const skills: Record<string, number> = {};
    for (const [column, value] of Object.entries(row)) {
      const competency = byColumn.get(column);
      if (!competency || value === "") continue;
      const level = Number(value);
      if (Number.isInteger(level) && level >= 0 && level <= 4) skills[competency] = level;
      else notes.push(`${name}: ${column} "${value}" is not a level 0–4; left out`);
    }
    people.push({
      id,
      name,
      ...(email ? { emails: [email] } : {}),
      ...(titles.length ? { titles } : {}),
      ...(assigned.length
        ? { roles: [...new Map(assigned.map((a) => [typeof a === "string" ? a : a.role, a])).values()] }
        : {}),
      ...(Object.keys(skills).length ? { skills } : {}),
      ...(row.reports_to ? { reportsTo: row.reports_to } : {}),
    });
  });
  return { people, teams: [], raci: [], notes };
}
