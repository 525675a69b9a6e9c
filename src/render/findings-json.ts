import type { DoctorResult } from "../analysis/engine.ts";
import type { Diagnostic } from "../model/diagnostic.ts";

/** `{ findings: [{ ruleId, severity, message, location, … }], summary }` as stable JSON. */
export function renderFindingsJson(result: DoctorResult, diagnostics: readonly Diagnostic[] = []): string {
  const count = (s: string) => result.findings.filter((f) => f.severity === s).length;
  return JSON.stringify(
    {
      findings: result.findings,
      diagnostics,
      summary: {
        errors: count("error"),
        warnings: count("warn"),
        info: count("info"),
        suppressed: result.suppressed,
      },
    },
    null,
    2,
  );
}
