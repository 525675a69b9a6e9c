/** The catalog as text: a table per kind, or one entry in detail. */

import Table from "cli-table3";
import type { ActivityDef, CompetencyDef, RoleDef, TopologyDef } from "../catalog/index.ts";
import { append } from "../model/append.ts";
import { type Colors, plain } from "./colors.ts";
import { COMPACT } from "./table-style.ts";

export type CatalogKind = "roles" | "activities" | "competencies" | "topologies";
export type CatalogEntry = RoleDef | ActivityDef | CompetencyDef | TopologyDef;

const table = (head: string[], rows: string[][]) => {
  const t = new Table({ head, style: { head: [], border: [] }, chars: COMPACT });
  append(t, rows);
  return t.toString();
};

export function renderCatalogList(kind: CatalogKind, entries: readonly CatalogEntry[]): string {
  switch (kind) {
    case "roles":
      return table(
        ["id", "name", "category", "source"],
        (entries as RoleDef[]).map((r) => [
          r.id,
          r.name + (r.projectOnly ? " (project)" : ""),
          r.category,
          r.source,
        ]),
      );
    case "activities":
      return table(
        ["id", "name", "area", "A (default)", "source"],
        (entries as ActivityDef[]).map((a) => [a.id, a.name, a.area, a.raci.A, a.source]),
      );
    case "competencies":
      return table(
        ["id", "name", "group", "tools", "source"],
        (entries as CompetencyDef[]).map((c) => [c.id, c.name, c.group, c.tools.join(", "), c.source]),
      );
    case "topologies":
      return table(
        ["id", "name", "best for", "source"],
        (entries as TopologyDef[]).map((t) => [t.id, t.name, t.bestFor, t.source]),
      );
  }
}

export function renderCatalogEntry(kind: CatalogKind, entry: CatalogEntry, c: Colors = plain): string {
  const lines: string[] = [];
  const field = (name: string, value: string | undefined) => {
    if (value) lines.push(`${c.bold(`${name}:`)} ${value}`);
  };
  const list = (name: string, values: readonly string[]) => {
    if (values.length === 0) return;
    lines.push(c.bold(`${name}:`));
    for (const v of values) lines.push(`  - ${v}`);
  };
  const levels = (record: Record<string, number>) =>
    Object.entries(record).map(([id, level]) => `${id} ≥ ${level}`);
  lines.push(`${c.bold(entry.name)} ${c.dim(`(${entry.id})`)}`);
  switch (kind) {
    case "roles": {
      const r = entry as RoleDef;
      field("category", r.category + (r.projectOnly ? ", exists for the duration of a project" : ""));
      field("focus", r.focus);
      list("responsibilities", r.responsibilities);
      field("tools", r.tools.join(", "));
      field("deliverables", r.deliverables.join(", "));
      list("competencies", levels(r.competencies));
      field("titles", r.aliases.join(", "));
      break;
    }
    case "activities": {
      const a = entry as ActivityDef;
      field("area", a.area);
      field("description", a.description);
      list("competencies", levels(a.competencies));
      field("expected from stage", a.essentialFrom);
      field("production-critical", a.productionCritical ? "yes" : "no");
      field(
        "default RACI",
        `R: ${a.raci.R.join(", ") || "—"}; A: ${a.raci.A}; C: ${a.raci.C.join(", ") || "—"}; I: ${a.raci.I.join(", ") || "—"}`,
      );
      break;
    }
    case "competencies": {
      const m = entry as CompetencyDef;
      field("group", m.group);
      field("description", m.description);
      field("tools", m.tools.join(", "));
      break;
    }
    case "topologies": {
      const t = entry as TopologyDef;
      field("summary", t.summary);
      field("best for", t.bestFor);
      list(
        "teams",
        t.teams.map((team) => `${team.name} [${team.type}, ${team.count}]: ${team.roles.join(", ")}`),
      );
      field(
        "fits",
        `stages ${t.fits.stages.join(", ")}; ${t.fits.minProducts}${t.fits.maxProducts !== undefined ? `–${t.fits.maxProducts}` : "+"} ML products`,
      );
      break;
    }
  }
  field("source", entry.source);
  const clauses = (entry as { clauses?: readonly string[] }).clauses;
  if (clauses?.length) field("clauses", `${clauses.join("; ")} (paraphrased; not legal advice)`);
  return lines.join("\n");
}
