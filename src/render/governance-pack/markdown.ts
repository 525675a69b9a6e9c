/** The audit pack as Markdown: a table of the clauses, then each clause with its evidence and findings. */
import type { AuditPack } from "../../analysis/governance-pack.ts";
import { FRAMEWORK_NAMES, STATUS_LABEL } from "./labels.ts";

/** Model text inside Markdown: no markup, no HTML, no table breaks. */
const md = (text: string) => text.replace(/[\\`*_[\]<>|#]/g, (c) => `\\${c}`).replace(/\r?\n/g, " ");

export function renderAuditMarkdown(pack: AuditPack): string {
  const name = FRAMEWORK_NAMES[pack.framework];
  const lines = [
    `# ${name}: evidence pack for ${md(pack.model)}`,
    "",
    `Generated ${pack.generated} by mlteam. ${pack.disclaimer}`,
    "",
    "| clause | what it asks | status |",
    "| --- | --- | --- |",
    ...pack.clauses.map((c) => `| ${c.id} | ${c.title} | ${STATUS_LABEL[c.status]} |`),
  ];
  for (const c of pack.clauses) {
    lines.push(
      "",
      `## ${name} ${c.id} — ${c.title}`,
      "",
      `**Status:** ${STATUS_LABEL[c.status]}. Checked by ${c.rules.map((r) => `\`${r}\``).join(", ")}.`,
    );
    if (c.evidence.length) lines.push("", "Evidence:", "", ...c.evidence.map((e) => `- ${md(e)}`));
    if (c.findings.length)
      lines.push(
        "",
        "Findings:",
        "",
        ...c.findings.map((f) => `- **${f.severity}** ${md(f.message)} (\`${md(f.location)}\`) — ${f.fix}`),
      );
  }
  return `${lines.join("\n")}\n`;
}
