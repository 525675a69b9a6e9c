/** The evidence report as text: per repository, then per activity with its authors and truck factor. */

import Table from "cli-table3";
import type { PathExplanation } from "../app/evidence-explain.ts";
import type { CollectedEvidence } from "../evidence/collect.ts";
import type { EvidenceReport } from "../evidence/measures.ts";
import type { Colors } from "./colors.ts";
import { COMPACT } from "./table-style.ts";
import { plural } from "./verdict.ts";

/** A display name: the person's, else the name git shows for the identity, else the identity. */
function namer(report: EvidenceReport, names: ReadonlyMap<string, string> | undefined) {
  const seen = new Map<string, string>();
  for (const u of report.unmatched) {
    const name = u.seen.map((s) => s.replace(/\s*<[^>]*>\s*$/, "").replace(/^@/, "")).find((n) => n !== "");
    if (name) seen.set(u.id, name);
  }
  return (id: string) => names?.get(id) ?? seen.get(id) ?? id.replace(/^git:/, "");
}

type Run = CollectedEvidence["runs"][number];
type Name = (id: string) => string;

export function renderEvidenceText(
  evidence: CollectedEvidence,
  names: ReadonlyMap<string, string> | undefined,
  c: Colors,
): string {
  const { report, runs } = evidence;
  const who = namer(report, names);
  const lines: string[] = [];
  for (const run of runs) lines.push(...runLines(run, report, who, c));
  lines.push("");
  if (report.repositories.every((r) => r.files === 0)) {
    lines.push("No files to classify.");
  } else if (report.activities.length === 0) {
    lines.push("No file matches an activity's patterns (see `mlteam evidence --explain <path>`).");
  } else {
    lines.push(activityTable(report, who, c));
  }
  const notes = noteOf(report);
  if (notes !== "") lines.push(c.dim(notes));
  if (names && report.unmatched.length > 0) lines.push(...unmatchedLines(report, c));
  return lines.join("\n");
}

/** A repository's heading (how it was read, its head and size) and, when it has files, its truck factors. */
function runLines(run: Run, report: EvidenceReport, who: Name, c: Colors): string[] {
  const repo = report.repositories.find((r) => r.key === run.state.key);
  const again =
    run.reused > 0 && run.measured > 0 ? `, ${plural(run.measured, "file", "files")} measured again` : "";
  const mode = {
    current: `up to date${again}`,
    incremental: `${plural(run.read, "new commit", "new commits")} read${again}`,
    full: `${plural(run.read, "commit", "commits")} read`,
    rewritten: `history rewritten: ${plural(run.read, "commit", "commits")} read again`,
    empty: "no commits",
  }[run.mode];
  const commit = repo?.head ? `at ${repo.head.slice(0, 10)}, ` : "";
  const files = `${plural(repo?.files ?? 0, repo?.filter === "code" ? "code file" : "file", repo?.filter === "code" ? "code files" : "files")} in the tree`;
  const lines = [
    `${c.bold(run.repo)} ${c.dim(`(${mode}; ${commit}${plural(repo?.commits ?? 0, "commit", "commits")}, ${files})`)}`,
  ];
  if (repo && repo.files > 0) {
    lines.push(
      `  repository truck factor ${c.bold(String(repo.truckFactor.value))}: ${repo.truckFactor.removed.map((id) => who(id)).join(", ")}`,
      c.dim(
        `  of the people active since ${report.windowStart}: ${repo.truckFactorActive.value}${
          repo.reviewers > 0
            ? `; counting reviews too (${plural(repo.reviewers, "reviewer", "reviewers")}): ${repo.truckFactorWithReviews.value}`
            : ""
        }`,
      ),
    );
  }
  return lines;
}

/** One row per activity: its files, truck factors, main authors and recent changers. */
function activityTable(report: EvidenceReport, who: Name, c: Colors): string {
  const withReviews = report.activities.some((a) => a.reviewers > 0);
  const withBackups = report.activities.some((a) => a.truckFactorWithBackups !== undefined);
  const table = new Table({
    head: [
      "activity",
      "files",
      `truck factor (${["active", withReviews ? "with reviews" : "", withBackups ? "with declared backups" : ""].filter(Boolean).join(", ")})`,
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
      `${a.truckFactor.value === 1 ? c.red("1") : String(a.truckFactor.value)} (${a.truckFactorActive.value === 0 ? c.red("0") : a.truckFactorActive.value}${withReviews ? `, ${a.truckFactorWithReviews.value}` : ""}${withBackups ? `, ${a.truckFactorWithBackups?.value ?? "–"}` : ""})`,
      authors.map((x) => `${who(x.id)} (${x.authored})`).join(", ") || "—",
      recent.map((x) => `${who(x.id)} (${x.recent})`).join(", ") || "—",
      a.lastChange,
    ]);
  }
  return table.toString();
}

/** The notes under the table (files matching no activity, co-authors), or "" when there are none. */
function noteOf(report: EvidenceReport): string {
  const inTrees = report.repositories.reduce((n, r) => n + r.files, 0);
  return [
    inTrees === 0
      ? ""
      : `${report.unclassified === 1 ? "1 file in the tree matches" : `${report.unclassified} files in the tree match`} no activity.`,
    report.coAuthors ? "Co-authors credited as authors." : "",
  ]
    .filter((n) => n !== "")
    .join(" ");
}

/** The contributors who match no person (the first 20), and how to count them. */
function unmatchedLines(report: EvidenceReport, c: Colors): string[] {
  const lines = ["", c.bold(`Contributors who match no person of the model (${report.unmatched.length}):`)];
  for (const u of report.unmatched.slice(0, 20)) lines.push(`  ${u.id}  ${c.dim(u.seen.join("; "))}`);
  if (report.unmatched.length > 20)
    lines.push(c.dim(`  … and ${report.unmatched.length - 20} more (--format json lists them all)`));
  lines.push(
    c.dim("  Add their e-mails or names to `people[].emails` or `people[].git` to count them as people."),
  );
  return lines;
}

/** `--explain-identities`: the identities merged into one developer, and those left out. */
export function renderIdentitiesText(report: EvidenceReport): string {
  const lines: string[] = [];
  const { merged, excluded } = report.identities;
  lines.push(
    `Merged (${merged.length}): identities that share an e-mail or a name, or that a .mailmap entry gathers`,
  );
  for (const m of merged) lines.push(`  ${m.id}`, ...m.seen.map((s) => `    ${s}`));
  lines.push("", `Left out (${excluded.length}): never authors; their changes count as changes by others`);
  for (const e of excluded) lines.push(`  ${e.reason.padEnd(11)} ${e.identity}`);
  return lines.join("\n");
}

/** Which activity `path` is evidence of, and the patterns it beat — for the model, then each repository with patterns of its own. */
export function renderPathExplanationText(path: string, answers: readonly PathExplanation[]): string {
  const lines: string[] = [];
  for (const { repository, matches, leftOut } of answers) {
    const [hit, ...lost] = matches;
    const where = repository === null ? "" : `in ${repository} (its own patterns first): `;
    if (!hit) {
      lines.push(
        leftOut
          ? `${where}${path} is ${leftOut}: it counts for no activity unless a pattern of the model names it`
          : `${where}${path} matches no activity's patterns`,
      );
      continue;
    }
    lines.push(`${where}${path} → ${hit.activity} (pattern "${hit.pattern}", ${hit.origin})`);
    for (const m of lost)
      lines.push(`  also matched, lost to it: ${m.activity} (pattern "${m.pattern}", ${m.origin})`);
  }
  return lines.join("\n");
}
