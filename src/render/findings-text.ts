import type { DoctorResult } from "../analysis/engine.ts";
import type { Finding, Severity } from "../analysis/rule.ts";
import { type Colors, plain } from "./colors.ts";

const LABEL: Record<Severity, (c: Colors) => string> = {
  error: (c) => c.red("error"),
  warn: (c) => c.yellow("warn "),
  info: (c) => c.blue("info "),
};

/** The doctor's findings grouped by area, each with its location, rule id and fix hint. */
export function renderFindingsText(result: DoctorResult, c: Colors = plain): string {
  const lines: string[] = [];
  const byArea = new Map<string, Finding[]>();
  for (const f of result.findings) {
    const list = byArea.get(f.area);
    if (list) list.push(f);
    else byArea.set(f.area, [f]);
  }
  for (const [area, findings] of byArea) {
    lines.push(c.bold(c.underline(area)));
    for (const f of findings) {
      lines.push(
        `  ${c.dim(`${f.location.file}:${f.location.line}:${f.location.column}`)}  ${LABEL[f.severity](c)}  ${f.message}  ${c.dim(f.ruleId)}`,
      );
      lines.push(`    ${c.dim("fix:")} ${f.fix}`);
    }
    lines.push("");
  }
  lines.push(summariseFindings(result, c));
  return lines.join("\n");
}

export function summariseFindings(result: DoctorResult, c: Colors = plain): string {
  const count = (s: Severity) => result.findings.filter((f) => f.severity === s).length;
  const errors = count("error");
  const warnings = count("warn");
  const infos = count("info");
  const hidden = result.suppressed ? `, ${result.suppressed} suppressed` : "";
  if (result.findings.length === 0) return c.green(`✔ no problems found${hidden}`);
  const text = `${result.findings.length} ${result.findings.length === 1 ? "problem" : "problems"} (${errors} errors, ${warnings} warnings, ${infos} info${hidden})`;
  return errors > 0 ? c.red(`✖ ${text}`) : c.yellow(`⚠ ${text}`);
}
