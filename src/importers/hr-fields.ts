/**
 * Values as HR systems and identity providers write them: dates (ISO, US and European day orders,
 * month names — Workday, BambooHR and HiBob exports), worker and employment types, supervisory
 * organisations, and why a title maps to no role.
 */
import { distance } from "fastest-levenshtein";
import { normaliseTitle, type RoleDef, roleForTitle, titleStem } from "../catalog/index.ts";
import type { Person } from "../model/schema.ts";

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/** Which of day/month comes first in a column of slashed dates: "dmy" when a first part is over 12, "mdy" otherwise. */
export function dayOrder(values: readonly string[]): "mdy" | "dmy" | "ambiguous" {
  let mdy = false;
  let dmy = false;
  for (const v of values) {
    const m = /^(\d{1,2})[/.](\d{1,2})[/.]\d{4}/.exec(v.trim());
    if (!m) continue;
    if (Number(m[1]) > 12) dmy = true;
    if (Number(m[2]) > 12) mdy = true;
  }
  return dmy && !mdy ? "dmy" : mdy && !dmy ? "mdy" : "ambiguous";
}

const pad = (n: number) => String(n).padStart(2, "0");

function ymd(year: number, month: number, day: number): string | undefined {
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day)
    return undefined;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/**
 * A date as HR exports write it, as YYYY-MM-DD: "2021-03-15", "2021-03-15T00:00:00Z", Workday's "2021-03-15-07:00", "03/15/2021"
 * or "15/03/2021" (as `order` says), "15-Mar-2021", "15 March 2021", "Mar 15, 2021"; else undefined.
 */
export function hrDate(value: string, order: "mdy" | "dmy" = "mdy"): string | undefined {
  const v = value.trim();
  // Workday writes a date with its time zone: "2019-09-16-07:00".
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ].*|[+-]\d{2}:\d{2}|Z)?$/.exec(v);
  if (m) return ymd(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(v);
  if (m) {
    const [a, b] = [Number(m[1]), Number(m[2])];
    return order === "dmy" ? ymd(Number(m[3]), b, a) : ymd(Number(m[3]), a, b);
  }
  const month = (name: string) => MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
  m = /^(\d{1,2})[- ]([A-Za-z]{3,9})[- ,]+(\d{4})$/.exec(v);
  if (m && month(m[2] as string) > 0) return ymd(Number(m[3]), month(m[2] as string), Number(m[1]));
  m = /^([A-Za-z]{3,9})\.? (\d{1,2}),? (\d{4})$/.exec(v);
  if (m && month(m[1] as string) > 0) return ymd(Number(m[3]), month(m[1] as string), Number(m[2]));
  return undefined;
}

/**
 * A worker or employment type as mlteam's `employment`: contingent workers, contractors, freelancers,
 * temporary and fixed-term staff and interns are `contractor` (they go when their term ends);
 * agency and vendor staff `vendor`; permanent, full- and part-time staff `employee`; else undefined.
 */
export function employmentOf(value: string): Person["employment"] | undefined {
  const v = value.toLowerCase();
  if (/vendor|agency|supplier|third[- ]party|outsourc|consultancy/.test(v)) return "vendor";
  if (/contract|contingent|freelanc|temp|fixed[- ]term|intern|trainee|apprentice|seasonal|consultant/.test(v))
    return "contractor";
  if (/employee|permanent|regular|full|part|staff|internal|salaried|hourly/.test(v)) return "employee";
  return undefined;
}

/** A Workday supervisory organisation without the manager it names: "ML Platform (Jane Doe)" → "ML Platform". */
export function teamName(value: string): string {
  return value.replace(/\s*\([^)]*\)\s*$/, "").trim() || value.trim();
}

/** Why `title` maps to no role, with the role it would guess: a commitment role, or the closest alias. */
export function unmappedTitleReason(roles: readonly RoleDef[], title: string): string {
  const role = roleForTitle(roles, title);
  if (role !== undefined)
    return `"${title}": would be ${role}, but a title never records a commitment role; add it by hand`;
  const stem = titleStem(title) || normaliseTitle(title);
  const words = (t: string) => new Set(t.split(/[^a-z0-9]+/).filter((w) => w.length > 2 && w !== "and"));
  const mine = words(stem);
  let best: { role: string; alias: string; d: number } | undefined;
  for (const r of roles)
    for (const alias of [...r.aliases, normaliseTitle(r.name)]) {
      // A guess shares a word with the title: "Wizard" is close to nothing.
      if (![...words(titleStem(alias) || alias)].some((w) => mine.has(w))) continue;
      const d = distance(stem, titleStem(alias) || alias) / Math.max(stem.length, alias.length, 1);
      if (!best || d < best.d) best = { role: r.id, alias, d };
    }
  if (!best || best.d > 0.6)
    return `"${title}": no role is close; add the role by hand, or an alias under roles:`;
  return `"${title}": would guess ${best.role} (closest: "${best.alias}"), but the title is not one of its aliases; add "${normaliseTitle(title)}" to its aliases under roles:, or the role by hand`;
}
