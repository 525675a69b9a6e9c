/** The audit pack as Markdown: a table of the clauses, then each clause with its evidence and findings. */
import type { AuditPack } from "../../analysis/governance-pack.ts";
import { concerns, dateText, FRAMEWORK_NAMES, STATUS_LABEL } from "./labels.ts";

/** Model text inside Markdown: no markup, no HTML, no table breaks. */
const md = (text: string) => text.replace(/[\\`*_[\]<>|#]/g, (c) => `\\${c}`).replace(/\r?\n/g, " ");

/** The summary table; with an "applies" column when the framework dates its clauses. */
function summary(pack: AuditPack): string[] {
  if (!pack.clauses.some((c) => c.dates.length > 0))
    return [
      "| clause | what it asks | status |",
      "| --- | --- | --- |",
      ...pack.clauses.map((c) => `| ${c.id} | ${c.title} | ${STATUS_LABEL[c.status]} |`),
    ];
  return [
    "| clause | what it asks | applies | status |",
    "| --- | --- | --- | --- |",
    ...pack.clauses.map(
      (c) =>
        `| ${c.id} | ${c.title} | ${c.dates.map(dateText).join("; ") || "—"} | ${STATUS_LABEL[c.status]} |`,
    ),
  ];
}

/** A clause's dates: when each of its duties applies, to what, and the text that says so. */
const datesOf = (c: AuditPack["clauses"][number]) =>
  c.dates.map((d) => {
    const to = concerns(d);
    return `- ${dateText(d)}: ${d.name}${to ? ` — ${md(to)}` : ""}. Source: ${d.source}.`;
  });

export function renderAuditMarkdown(pack: AuditPack): string {
  const name = FRAMEWORK_NAMES[pack.framework];
  const lines = [
    `# ${name}: evidence pack for ${md(pack.model)}`,
    "",
    `Generated ${pack.generated} by mlteam. ${pack.disclaimer}`,
    "",
    ...summary(pack),
  ];
  for (const c of pack.clauses) {
    lines.push(
      "",
      `## ${name} ${c.id} — ${c.title}`,
      "",
      `**Status:** ${STATUS_LABEL[c.status]}. Checked by ${c.rules.map((r) => `\`${r}\``).join(", ")}.`,
    );
    if (c.dates.length) lines.push("", "Applies:", "", ...datesOf(c));
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
