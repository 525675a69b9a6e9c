/**
 * "Propose change" on the organisation server: the models stay in git, so an edit made there is
 * not saved — it becomes a patch of the team's YAML at the synced commit (read from the snapshot) (a unified diff that `git
 * apply` takes, every comment kept), for the user to download and send as a pull request.
 */
import { createTwoFilesPatch } from "diff";
import { snapshotHost } from "../org/snapshot-host.ts";
import type { OrgStore } from "../org/store-port.ts";
import { checkTeam } from "./check-team.ts";
import { InputError, InvalidModelError } from "./errors.ts";
import { type HandoverReport, planHandover } from "./handover.ts";
import { syncedModel } from "./org-overview.ts";
import { type CellChange, planRaciCell } from "./raci-cell.ts";

export interface Proposal {
  team: string;
  commit: string;
  file: string;
  /** The unified diff (a/<file> → b/<file>, paths from the repository's top). */
  patch: string;
}

export async function proposeRaciChange(
  options: { store: OrgStore; today: string },
  teamId: string,
  change: CellChange,
): Promise<Proposal> {
  const { team, snapshot } = await syncedModel(options.store, teamId);
  const host = snapshotHost(snapshot.files);
  const check = await checkTeam(team.model, { host, today: options.today, validateOnly: true });
  if (!check.valid) throw new InvalidModelError(check.diagnostics);
  const { file, before, after } = planRaciCell(check, host, team.model, change);
  return { team: teamId, commit: snapshot.commit, file, patch: patchOf(file, before, after) };
}

/** A unified diff of one file that `git apply` takes from the repository's top. */
function patchOf(file: string, before: string, after: string): string {
  const patch = createTwoFilesPatch(`a/${file}`, `b/${file}`, before, after, undefined, undefined, {
    context: 3,
  });
  // createTwoFilesPatch starts with an "Index"-less header; git wants "diff --git" first to name the file.
  return `diff --git a/${file} b/${file}\n${patch.replace(/^=+\n/m, "")}`;
}

export interface HandoverProposalRequest {
  person: string;
  to?: string | undefined;
  /** YYYY-MM-DD; today when omitted. */
  date?: string | undefined;
}

/**
 * `mlteam handover` on a synced team, as a change to propose: the handover planned on the snapshot
 * (with the evidence its sync checked) and its edits as one patch over every file they change.
 */
export async function proposeHandoverChange(
  options: { store: OrgStore; today: string },
  teamId: string,
  request: HandoverProposalRequest,
): Promise<Omit<Proposal, "file"> & { files: string[]; report: HandoverReport }> {
  const { team, snapshot } = await syncedModel(options.store, teamId);
  const report = snapshot.evidenceReport;
  const plan = await planHandover({
    entry: team.model,
    person: request.person,
    to: request.to,
    date: request.date ?? options.today,
    host: snapshotHost(snapshot.files),
    gatherEvidence: async () => ({ ...(report ? { report } : {}), warnings: [] }),
  });
  if (plan.edits.length === 0)
    throw new InputError(
      `${plan.report.name} holds nothing the handover would change in ${teamId}'s model: nothing to propose`,
    );
  return {
    team: teamId,
    commit: snapshot.commit,
    files: plan.edits.map((e) => e.file),
    patch: plan.edits.map((e) => patchOf(e.file, e.before, e.after)).join(""),
    report: plan.report,
  };
}
