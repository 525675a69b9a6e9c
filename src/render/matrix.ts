/** The RACI matrix as a terminal table, Markdown, CSV or JSON. */

import Table from "cli-table3";
import { stringify } from "csv-stringify/sync";
import type { RaciMatrix } from "../analysis/raci-matrix.ts";
import { append } from "../model/append.ts";
import { COMPACT } from "./table-style.ts";

export const MATRIX_FORMATS = ["table", "markdown", "csv", "json"] as const;
export type MatrixFormat = (typeof MATRIX_FORMATS)[number];

const label = (row: RaciMatrix["rows"][number]) => (row.product ? `${row.name} [${row.product}]` : row.name);

export function renderMatrix(matrix: RaciMatrix, format: MatrixFormat): string {
  const header = ["Activity", ...matrix.columns.map((c) => c.name)];
  const body = matrix.rows.map((row) => [label(row), ...matrix.columns.map((c) => row.cells[c.id] ?? "")]);
  switch (format) {
    case "json":
      return JSON.stringify(matrix, null, 2);
    case "csv":
      return stringify([
        ["activity", "product", ...matrix.columns.map((c) => c.id)],
        ...matrix.rows.map((r) => [
          r.activity,
          r.product ?? "",
          ...matrix.columns.map((c) => r.cells[c.id] ?? ""),
        ]),
      ]).trimEnd();
    case "markdown": {
      const esc = (s: string) => s.replace(/\|/g, "\\|");
      return [
        `| ${header.map(esc).join(" | ")} |`,
        `| ${header.map((_, i) => (i === 0 ? "---" : ":---:")).join(" | ")} |`,
        ...body.map((r) => `| ${r.map(esc).join(" | ")} |`),
      ].join("\n");
    }
    case "table": {
      const table = new Table({ head: header, style: { head: [], border: [] }, chars: COMPACT });
      append(table, body);
      return `${table.toString()}\nR = Responsible, A = Accountable, C = Consulted, I = Informed`;
    }
  }
}
