/** The RACI as a matrix of activities × roles or × people, for tables and exports. */
import type { RaciEntry, TeamGraph } from "../graph/types.ts";
import { RACI_LETTERS, type RaciLetter } from "../model/schema.ts";

export interface MatrixColumn {
  id: string;
  name: string;
}

export interface MatrixRow {
  activity: string;
  name: string;
  product?: string;
  /** Column id → letters, e.g. "R/A"; columns without a letter are absent. */
  cells: Record<string, string>;
}

export interface RaciMatrix {
  by: "role" | "person";
  product?: string;
  columns: MatrixColumn[];
  rows: MatrixRow[];
}

export interface MatrixOptions {
  by?: "role" | "person";
  /** Show the RACI as it applies to this product: its own rows, else the general ones. */
  product?: string;
}

/** Builds the matrix; columns follow the catalog's role order (or the model's people order). */
export function raciMatrix(graph: TeamGraph, options: MatrixOptions = {}): RaciMatrix {
  const by = options.by ?? "role";
  const entries = selectEntries(graph, options.product);
  const letters = new Map<string, Map<string, Set<RaciLetter>>>(); // row key → column → letters
  const used = new Set<string>();
  const rowKey = (e: RaciEntry) => `${e.activity}\u0000${e.product ?? ""}`;
  for (const entry of entries) {
    const row = new Map<string, Set<RaciLetter>>();
    letters.set(rowKey(entry), row);
    for (const cell of entry.cells) {
      const columns =
        by === "role" ? [cell.ref.kind === "role" ? cell.ref.id : `person:${cell.ref.id}`] : cell.people;
      for (const column of columns) {
        used.add(column);
        const set = row.get(column) ?? new Set<RaciLetter>();
        row.set(column, set);
        set.add(cell.letter);
      }
    }
  }
  const columns: MatrixColumn[] = [];
  if (by === "role") {
    for (const role of graph.roles.values())
      if (used.has(role.id)) columns.push({ id: role.id, name: role.name });
  }
  for (const person of graph.people.values()) {
    const id = by === "role" ? `person:${person.id}` : person.id;
    if (used.has(id)) columns.push({ id, name: person.name });
  }
  const rows = entries.map((entry): MatrixRow => {
    const row = letters.get(rowKey(entry)) ?? new Map();
    const cells: Record<string, string> = {};
    for (const column of columns) {
      const set = row.get(column.id);
      if (set) cells[column.id] = RACI_LETTERS.filter((l) => set.has(l)).join("/");
    }
    const out: MatrixRow = {
      activity: entry.activity,
      name: graph.activities.get(entry.activity)?.name ?? entry.activity,
      cells,
    };
    if (entry.product !== undefined) out.product = entry.product;
    return out;
  });
  const matrix: RaciMatrix = { by, columns, rows };
  if (options.product !== undefined) matrix.product = options.product;
  return matrix;
}

function selectEntries(graph: TeamGraph, product: string | undefined): RaciEntry[] {
  if (product === undefined) return [...graph.raci];
  const own = new Set(graph.raci.filter((e) => e.product === product).map((e) => e.activity));
  return graph.raci.filter((e) => e.product === product || (e.product === undefined && !own.has(e.activity)));
}
