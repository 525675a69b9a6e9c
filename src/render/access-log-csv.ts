/**
 * The organisation server's access log as CSV: `at,actor,action,detail` (the detail as JSON), one
 * row per entry in the order given. A cell a spreadsheet would take for a formula — starting with
 * =, +, -, @, a tab or a carriage return (OWASP's CSV injection) — gets a leading single quote, so
 * a login named `=HYPERLINK(…)` stays text.
 */
import { stringify } from "csv-stringify/sync";

export interface AccessLogRow {
  at: string;
  actor: string;
  action: string;
  detail: Record<string, unknown>;
}

/** A cell that cannot start a formula. */
export const inertCell = (value: string): string => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

export function renderAccessLogCsv(entries: readonly AccessLogRow[]): string {
  return stringify(
    [
      ["at", "actor", "action", "detail"],
      ...entries.map((e) => [e.at, e.actor, e.action, JSON.stringify(e.detail)]),
    ],
    { cast: { string: inertCell } },
  );
}
