/** The evidence report as text: per repository, then per activity with its authors and truck factor. */

import Table from "cli-table3";
import type { CollectedEvidence } from "../evidence/collect.ts";
import type { EvidenceReport } from "../evidence/measures.ts";
import type { Colors } from "./colors.ts";
import { COMPACT } from "./table-style.ts";

const who = (id: string, names: ReadonlyMap<string, string> | undefined) =>
  names?.get(id) ?? id.replace(/^git:/, "");

export function renderEvidenceText(
  evidence: CollectedEvidence,
  names: ReadonlyMap<string, string> | undefined,
  c: Colors,
): string {
  const { report, runs } = evidence;
  const lines: string[] = [];
  for (const run of runs) {
    const repo = report.repositories.find((r) => r.key === run.state.key);
    const mode = {
      current: "up to date",
      incremental: `${run.read} new commits read`,
      full: `${run.read} commits read`,
      rewritten: `history rewritten: ${run.read} commits read again`,
      empty: "no commits",
    }[run.mode];
    const commit = repo?.head ? `at ${repo.head.slice(0, 10)}, ` : "";
    const files = `${repo?.files ?? 0} ${repo?.filter === "code" ? "code files" : "files"} in the tree`;
    lines.push(`${c.bold(run.repo)} ${c.dim(`(${mode}; ${commit}${repo?.commits ?? 0} commits, ${files})`)}`);
    if (repo && repo.files > 0) {
      lines.push(
        `  repository truck factor ${c.bold(String(repo.truckFactor.value))}: ${repo.truckFactor.removed.map((id) => who(id, names)).join(", ")}`,
      );
    }
  }
  lines.push("");
  if (report.activities.length === 0) {
    lines.push("No file matches an activity's patterns (see `mlteam evidence --explain <path>`).");
  } else {
    const table = new Table({
      head: [
        "activity",
        "files",
        "truck factor",
        "main authors (files authored)",
        `changed since ${report.windowStart}`,
        "last change",
      ],
      style: { head: [], border: [] },
      chars: COMPACT,
    });
    for (const a of report.activities) {
      const authors = a.contributors.filter((x) => x.authored > 0).slice(0, 3);
      const recent = a.contributors
        .filter((x) => x.recent > 0)
        .sort((x, y) => y.recent - x.recent)
        .slice(0, 3);
      table.push([
        a.activity,
        String(a.files),
        a.truckFactor.value === 1 ? c.red("1") : String(a.truckFactor.value),
        authors.map((x) => `${who(x.id, names)} (${x.authored})`).join(", ") || "—",
        recent.map((x) => `${who(x.id, names)} (${x.recent})`).join(", ") || "—",
        a.lastChange,
      ]);
    }
    lines.push(table.toString());
  }
  lines.push(
    c.dim(
      `${report.unclassified} files at head match no activity.${report.coAuthors ? " Co-authors credited as authors." : ""}`,
    ),
  );
  if (names && report.unmatched.length > 0) {
    lines.push("", c.bold(`Contributors who match no person of the model (${report.unmatched.length}):`));
    for (const u of report.unmatched.slice(0, 20)) lines.push(`  ${u.id}  ${c.dim(u.seen.join("; "))}`);
    if (report.unmatched.length > 20)
      lines.push(c.dim(`  … and ${report.unmatched.length - 20} more (--format json lists them all)`));
    lines.push(
      c.dim("  Add their e-mails or names to `people[].emails` or `people[].git` to count them as people."),
    );
  }
  return lines.join("\n");
}

/** `--explain-identities`: the identities merged into one developer, and those left out. */
export function renderIdentitiesText(report: EvidenceReport): string {
  const lines: string[] = [];
  const { merged, excluded } = report.identities;
  lines.push(`Merged (${merged.length}): identities that share an e-mail, a name, or a .mailmap entry`);
  for (const m of merged) lines.push(`  ${m.id}`, ...m.seen.map((s) => `    ${s}`));
  lines.push("", `Left out (${excluded.length}): never authors; their changes count as changes by others`);
  for (const e of excluded) lines.push(`  ${e.reason.padEnd(11)} ${e.identity}`);
  return lines.join("\n");
}
