/** The text of `mlteam handover`: each responsibility with its successor and why, then what the doctor says after. */
import type { Candidate } from "../analysis/handover.ts";
import type { Finding } from "../analysis/rule.ts";
import type { HandoverItem, HandoverReport } from "../app/handover.ts";
import { type Colors, plain } from "./colors.ts";
import { plural } from "./verdict.ts";

const signed = (n: number) => (n > 0 ? `+${n}` : n < 0 ? String(n) : "±0");

/** The title line: who hands over, when they leave, as of which date. */
export function handoverTitle(r: HandoverReport): string {
  return `Handover of ${r.name} (${r.person})${r.leaves !== undefined ? `, who leaves on ${r.leaves}` : ""} — as of ${r.date}`;
}

export function renderHandoverText(r: HandoverReport, c: Colors = plain): string {
  const lines = [c.bold(handoverTitle(r))];
  if (r.responsibilities.length === 0) {
    lines.push("", `${r.name} holds no responsibility on ${r.date}: nothing to hand over.`);
    return lines.join("\n");
  }
  const without = r.responsibilities.filter((i) => i.successor === null).length;
  lines.push(
    `${plural(r.responsibilities.length, "responsibility", "responsibilities")}${without ? `, ${without} without a suitable successor` : ""} · health ${r.scoreBefore} → ${r.scoreAfter} (${signed(r.scoreAfter - r.scoreBefore)})${r.files.length ? ` · changes ${r.files.join(", ")}` : ""}`,
    "",
  );
  r.responsibilities.forEach((item, i) => {
    lines.push(...itemLines(item, i + 1, c), "");
  });
  findingLines(lines, "Findings the handover adds", r.newFindings, c.red("+"), c);
  findingLines(lines, "Findings it resolves", r.resolvedFindings, c.green("−"), c);
  for (const w of r.warnings) lines.push(c.yellow(`note: ${w}`));
  return lines.join("\n").trimEnd();
}

function itemLines(item: HandoverItem, n: number, c: Colors): string[] {
  const lines = [
    `${String(n).padStart(2)}. ${c.bold(item.description)}${item.location ? c.dim(`  ${item.location}`) : ""}`,
  ];
  if (item.patterns?.length)
    lines.push(c.dim(`    ${item.patterns.slice(0, 3).join("  ")}${item.patterns.length > 3 ? "  …" : ""}`));
  if (item.successor) {
    lines.push(
      `    → ${c.green(`${item.successor.name} (${item.successor.id})`)}`,
      ...whyLines(item.successor, "      ", c),
    );
  } else {
    lines.push(`    → ${c.red("no suitable successor")}`);
    if (item.need) lines.push(`      ${item.need.advice}`);
  }
  if (item.alternatives.length)
    lines.push(
      item.successor
        ? `    alternatives: ${item.alternatives.map((a) => `${a.name} (${a.id}${a.reasons[0] ? `; ${a.reasons[0]}` : ""})`).join(" · ")}`
        : `    closest: ${item.alternatives.map((a) => `${a.name} (${a.id})`).join(", ")}`,
    );
  for (const e of item.changes)
    lines.push(
      c.dim(
        `    edit ${e.file} ${e.at}: ${e.op === "add" ? `add ${e.to}` : e.op === "remove" ? `remove ${e.from}` : `${e.from} → ${e.to}`}`,
      ),
    );
  return lines;
}

function whyLines(candidate: Candidate, indent: string, c: Colors): string[] {
  return [
    ...candidate.reasons.map((reason) => `${indent}${reason}`),
    ...candidate.concerns.map((concern) => `${indent}${c.yellow(`! ${concern}`)}`),
  ];
}

function findingLines(lines: string[], title: string, findings: readonly Finding[], mark: string, c: Colors) {
  lines.push(c.bold(`${title} (${findings.length})`));
  for (const f of findings) lines.push(`  ${mark} ${f.severity.padEnd(5)}  ${f.message}  ${c.dim(f.ruleId)}`);
  lines.push("");
}
