/** The RACI matrix: a row per activity (per product), a button per cell to cycle or type its letters. */
import type { Matrix } from "../../api.ts";
import { ScrollRegion } from "../ScrollRegion.tsx";
import { cellKey } from "./useRaciEdits.ts";

const CYCLE = ["", "R", "A", "C", "I", "R/A"];

type Row = Matrix["rows"][number];
type Column = Matrix["columns"][number];

export interface RaciTableProps {
  matrix: Matrix;
  /** The activity a link asked to focus. */
  focus: string | undefined;
  /** The letters proposed per cell (on a synced model). */
  proposed: Record<string, string>;
  /** Sets a cell's letters (when the columns are editable). */
  set: (row: Row, column: Column, letters: string) => void;
}

export function RaciTable({ matrix, focus, proposed, set }: RaciTableProps) {
  return (
    <ScrollRegion label="the RACI matrix">
      <table className="grid">
        <thead>
          <tr>
            <th>Activity</th>
            {matrix.columns.map((c) => (
              <th key={c.id}>{c.name}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {matrix.rows.map((row) => {
            const problem = problems(row);
            return (
              <tr
                key={`${row.activity}:${row.product ?? ""}`}
                id={row.product ? undefined : `activity-${row.activity}`}
                className={`${problem ? "problem" : ""}${focus === row.activity ? " focused" : ""}`}
              >
                <th title={problem}>
                  {row.name}
                  {row.product ? ` [${row.product}]` : ""}
                  {problem ? " ⚠" : ""}
                </th>
                {matrix.columns.map((c) => (
                  <RaciCell key={c.id} row={row} column={c} proposed={proposed} set={set} />
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

/** One cell: click to cycle – R A C I R/A, or focus it and type r, a, c, i, or Backspace. */
function RaciCell({
  row,
  column: c,
  proposed,
  set: setCell,
}: { row: Row; column: Column } & Pick<RaciTableProps, "proposed" | "set">) {
  const key = cellKey(row.activity, row.product, c.id);
  const value = proposed[key] ?? row.cells[c.id] ?? "";
  const set = (letters: string) => setCell(row, c, letters);
  return (
    <td
      className={`cell ${value.replace("/", "")}${key in proposed ? " proposed" : ""}`}
      title={key in proposed ? `proposed (synced: ${row.cells[c.id] || "none"})` : undefined}
    >
      <button
        type="button"
        className="cellButton"
        data-activity={row.activity}
        data-column={c.id}
        aria-label={`${row.name} × ${c.name}: ${value || "none"}`}
        onClick={() => set(CYCLE[(CYCLE.indexOf(value) + 1) % CYCLE.length] ?? "")}
        onKeyDown={(e) => {
          const key = e.key.toUpperCase();
          if (["R", "A", "C", "I"].includes(key)) set(key);
          if (e.key === "Backspace" || e.key === "Delete") set("");
        }}
      >
        {value || "–"}
      </button>
    </td>
  );
}

/** What is wrong with a row: not exactly one Accountable, or no Responsible ("" when nothing). */
function problems(row: Row) {
  const values = Object.values(row.cells);
  const accountable = values.filter((v) => v.includes("A")).length;
  const responsible = values.filter((v) => v.includes("R")).length;
  return accountable !== 1 || responsible === 0
    ? `${accountable} Accountable, ${responsible} Responsible`
    : "";
}
