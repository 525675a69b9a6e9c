/**
 * The JSON of `mlteam handover`: `{ person, name, leaves?, date, responsibilities: [{ kind, activity?,
 * letter?, rotation?, product?, …, successor: { id, name, reasons, concerns } | null, alternatives,
 * need?, changes }], scoreBefore, scoreAfter, newFindings, resolvedFindings, files, applied?, diff? }`.
 */
import type { HandoverReport } from "../app/handover.ts";

/** `applied`: the files written by --apply (then the diff of the change is included too). */
export function renderHandoverJson(r: HandoverReport, applied?: readonly string[]): string {
  const { diff, warnings, ...rest } = r;
  return JSON.stringify(
    {
      ...rest,
      ...(warnings.length ? { warnings } : {}),
      ...(applied !== undefined ? { applied, diff } : {}),
    },
    null,
    2,
  );
}
