/** The doctor's report as Markdown, for a pull-request comment or a CI summary. */
import type { Finding, Severity } from "../analysis/rule.ts";
import type { DoctorReport } from "./doctor-report.ts";

const ICON: Record<Severity, string> = { error: "🔴 error", warn: "🟠 warn", info: "🔵 info" };

const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");

export function renderFindingsMarkdown(report: DoctorReport): string {
  const { result, score } = report;
  const count = (s: Severity) => result.findings.filter((f) => f.severity === s).length;
  const lines = [
    `## mlteam doctor — ${cell(report.title)}`,
    "",
    `**Health ${score.overall}/100** · ${count("error")} errors · ${count("warn")} warnings · ${count("info")} info${result.suppressed ? ` · ${result.suppressed} suppressed` : ""}`,
    "",
    `| area | score | findings |`,
    `| --- | ---: | ---: |`,
    ...Object.entries(score.areas).map(
      ([area, value]) => `| ${area} | ${value} | ${result.findings.filter((f) => f.area === area).length} |`,
    ),
    "",
  ];
  const byArea = new Map<string, Finding[]>();
  for (const f of result.findings) byArea.set(f.area, [...(byArea.get(f.area) ?? []), f]);
  for (const [area, findings] of byArea) {
    lines.push(`### ${area}`, "", "| | finding | where | rule |", "| --- | --- | --- | --- |");
    for (const f of findings) {
      lines.push(
        `| ${ICON[f.severity]} | ${cell(f.message)}<br>_fix:_ ${cell(f.fix)} | \`${cell(f.location.file)}:${f.location.line}:${f.location.column}\` | \`${f.ruleId}\` |`,
      );
    }
    lines.push("");
  }
  if (result.findings.length === 0) lines.push("✅ No problems found.", "");
  return lines.join("\n");
}
