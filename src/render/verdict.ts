/** The one-line verdict a lead reads first, and the counts with correct plurals, for every report. */
import type { Finding, Severity } from "../analysis/rule.ts";

export const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function countOf(findings: readonly Pick<Finding, "severity">[], severity: Severity): number {
  let n = 0;
  for (const f of findings) if (f.severity === severity) n++;
  return n;
}

/** "3 errors, 12 warnings, 5 info" (only what is there; "no problems" when nothing is). */
export function counts(findings: readonly Pick<Finding, "severity">[]): string {
  const parts = [
    [countOf(findings, "error"), "error", "errors"],
    [countOf(findings, "warn"), "warning", "warnings"],
    [countOf(findings, "info"), "info", "info"],
  ] as const;
  const shown = parts.filter(([n]) => n > 0).map(([n, one, many]) => plural(n, one, many));
  return shown.length ? shown.join(", ") : "no problems";
}

/**
 * The verdict: the most severe finding, with how many more of its kind. Findings come sorted most
 * severe first (the engine's order), so the first one is the one to read.
 * "3 errors need attention — first: …", "12 warnings, no errors — first: …", "no problems found".
 */
export function verdict(findings: readonly Finding[]): { severity: Severity | "none"; text: string } {
  const first = findings[0];
  if (!first) return { severity: "none", text: "no problems found" };
  const errors = countOf(findings, "error");
  const warnings = countOf(findings, "warn");
  const head =
    errors > 0
      ? `${plural(errors, "error needs", "errors need")} attention`
      : warnings > 0
        ? `${plural(warnings, "warning", "warnings")}, no errors`
        : `${plural(findings.length, "note", "notes")}, no errors or warnings`;
  return { severity: first.severity, text: `${head} — first: ${first.message} (${first.ruleId})` };
}
