/** The doctor's output formats: a name → function map over one report. */
import type { DoctorReport } from "./doctor-report.ts";
import { renderFindingsMarkdown } from "./findings-markdown.ts";
import { renderFindingsSarif } from "./findings-sarif.ts";

export const DOCTOR_FORMATS = ["text", "json", "markdown", "sarif"] as const;
export type DoctorFormat = (typeof DOCTOR_FORMATS)[number];

/** JSON: `{ findings, diagnostics, score, summary }`. */
export function renderFindingsJson(report: DoctorReport): string {
  const { result, score, diagnostics } = report;
  const count = (s: string) => result.findings.filter((f) => f.severity === s).length;
  return JSON.stringify(
    {
      findings: result.findings,
      diagnostics,
      score,
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

export const REPORTERS: Record<
  Exclude<DoctorFormat, "text">,
  (report: DoctorReport, version: string) => string
> = {
  json: (report) => renderFindingsJson(report),
  markdown: (report) => renderFindingsMarkdown(report),
  sarif: (report, version) => renderFindingsSarif(report, version),
};
