/** The doctor's report as Markdown, for a pull-request comment or a CI summary: the verdict first, then by severity. */
import type { Finding, Severity } from "../analysis/rule.ts";
import type { DoctorReport } from "./doctor-report.ts";
import { counts, verdict } from "./verdict.ts";

const ICON: Record<Severity, string> = { error: "🔴 error", warn: "🟠 warn", info: "🔵 info" };
const HEADING: Record<Severity, string> = { error: "Errors", warn: "Warnings", info: "Info" };

const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");

export function renderFindingsMarkdown(report: DoctorReport): string {
  const { result, score } = report;
  const { severity, text } = verdict(result.findings);
  const lines = [
    `## mlteam doctor — ${cell(report.title)}`,
    "",
    severity === "none" ? "✅ No problems found." : `**${ICON[severity].split(" ")[0]} ${cell(text)}**`,
    "",
    `**Health ${score.overall}/100** (coverage ${score.coverage.overall} %) · ${counts(result.findings)}${result.suppressed ? ` · ${result.suppressed} suppressed` : ""}`,
    "",
  ];
  if (score.coverage.missing.length > 0)
    lines.push(
      `_Not recorded, so counted against the score:_ ${cell(score.coverage.missing.join("; "))}.`,
      "",
    );
  lines.push(
    "| area | score | findings |",
    "| --- | ---: | ---: |",
    ...Object.entries(score.areas).map(
      ([area, value]) => `| ${area} | ${value} | ${result.findings.filter((f) => f.area === area).length} |`,
    ),
    "",
  );
  const fixShown = new Map<string, Set<string>>();
  for (const level of ["error", "warn", "info"] as const) {
    const findings: Finding[] = result.findings.filter((f) => f.severity === level);
    if (findings.length === 0) continue;
    lines.push(
      `### ${HEADING[level]} (${findings.length})`,
      "",
      "| area | finding | where | rule |",
      "| --- | --- | --- | --- |",
    );
    for (const f of findings) {
      const shown = fixShown.get(f.ruleId) ?? new Set<string>();
      const fix = shown.has(f.fix) ? "" : `<br>_fix:_ ${cell(f.fix)}`;
      shown.add(f.fix);
      fixShown.set(f.ruleId, shown);
      lines.push(
        `| ${f.area} | ${ICON[f.severity].split(" ")[0]} ${cell(f.message)}${fix} | \`${cell(f.location.file)}:${f.location.line}:${f.location.column}\` | \`${f.ruleId}\` |`,
      );
    }
    lines.push("");
  }
  return lines.join("\n");
}
