/** The JSON documents of `mlteam evidence`: the report with what each run read, and a path's explanation. */
import type { PathExplanation } from "../app/evidence-explain.ts";
import type { CollectedEvidence } from "../evidence/collect.ts";

/** The report, and of each run what it read (the stored file states are the store's business). */
export function renderEvidenceJson(collected: CollectedEvidence): string {
  const document = {
    valid: true,
    report: collected.report,
    runs: collected.runs.map((run) => ({
      repo: run.repo,
      state: {
        key: run.state.key,
        head: run.state.head,
        commits: run.state.commits,
        shallow: run.state.shallow,
      },
      read: run.read,
      mode: run.mode,
      measured: run.measured,
      reused: run.reused,
      mailmap: { size: run.mailmap.size },
      warnings: run.warnings,
    })),
    warnings: collected.warnings,
  };
  return JSON.stringify(document, null, 2);
}

export function renderPathExplanationJson(path: string, answers: readonly PathExplanation[]): string {
  return JSON.stringify({ valid: true, path, answers }, null, 2);
}
