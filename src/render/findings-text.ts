import type { DoctorResult } from "../analysis/engine.ts";
import type { Finding, Severity } from "../analysis/rule.ts";
import { type Colors, plain } from "./colors.ts";
import { counts, plural, verdict } from "./verdict.ts";

const HEADING: Record<Severity, (c: Colors, n: number) => string> = {
  error: (c, n) => c.red(`Errors (${n})`),
  warn: (c, n) => c.yellow(`Warnings (${n})`),
  info: (c, n) => c.blue(`Info (${n})`),
};

/**
 * The doctor's findings for a lead to read top-down: the verdict first (the most severe finding),
 * then errors, warnings and info, each in area order with its location and rule id; a rule's fix is
 * given once, under its first finding (again only where a finding has a fix of its own).
 */
export function renderFindingsText(result: DoctorResult, c: Colors = plain): string {
  const lines: string[] = [];
  const { severity, text } = verdict(result.findings);
  if (severity !== "none") {
    const mark = severity === "error" ? c.red("✖") : severity === "warn" ? c.yellow("⚠") : c.blue("ℹ");
    lines.push(`${mark} ${c.bold(text)}`, "");
  }
  const fixShown = new Map<string, Set<string>>();
  for (const level of ["error", "warn", "info"] as const) {
    const findings = result.findings.filter((f) => f.severity === level);
    if (findings.length === 0) continue;
    lines.push(c.bold(HEADING[level](c, findings.length)));
    let width = 4;
    for (const f of findings) width = Math.max(width, f.area.length);
    for (const f of findings) {
      lines.push(
        `  ${c.dim(f.area.padEnd(width))}  ${c.dim(`${f.location.file}:${f.location.line}:${f.location.column}`)}  ${f.message}  ${c.dim(f.ruleId)}`,
      );
      const shown = fixShown.get(f.ruleId) ?? new Set<string>();
      if (!shown.has(f.fix)) {
        lines.push(`  ${" ".repeat(width)}  ${c.dim("fix:")} ${f.fix}`);
        shown.add(f.fix);
        fixShown.set(f.ruleId, shown);
      }
    }
    lines.push("");
  }
  lines.push(summariseFindings(result, c));
  return lines.join("\n");
}

export function summariseFindings(result: DoctorResult, c: Colors = plain): string {
  const hidden = result.suppressed ? `, ${result.suppressed} suppressed` : "";
  if (result.findings.length === 0) return c.green(`✔ no problems found${hidden}`);
  const text = `${plural(result.findings.length, "problem", "problems")} (${counts(result.findings)}${hidden})`;
  return result.findings.some((f: Finding) => f.severity === "error")
    ? c.red(`✖ ${text}`)
    : c.yellow(`⚠ ${text}`);
}
