/**
 * The organisation server's access log as CSV: `at,actor,action,detail` (the detail as JSON), one
 * row per entry in the order given. Cells are written as they are: a value starting with =, +, -
 * or @ is not escaped against spreadsheet formulas.
 */
import { stringify } from "csv-stringify/sync";

export interface AccessLogRow {
  at: string;
  actor: string;
  action: string;
  detail: Record<string, unknown>;
}

export function renderAccessLogCsv(entries: readonly AccessLogRow[]): string {
  return stringify([
    ["at", "actor", "action", "detail"],
    ...entries.map((e) => [e.at, e.actor, e.action, JSON.stringify(e.detail)]),
  ]);
}
