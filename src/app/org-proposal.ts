/**
 * "Propose change" on the organisation server: the models stay in git, so an edit made there is
 * not saved — it becomes a patch of the team's YAML at the synced commit (read from the snapshot) (a unified diff that `git
 * apply` takes, every comment kept), for the user to download and send as a pull request.
 */
import { createTwoFilesPatch } from "diff";
import { snapshotHost } from "../org/snapshot-host.ts";
import type { OrgStore } from "../org/store-port.ts";
import { checkTeam } from "./check-team.ts";
import { InvalidModelError } from "./errors.ts";
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
  const patch = createTwoFilesPatch(`a/${file}`, `b/${file}`, before, after, undefined, undefined, {
    context: 3,
  });
  // createTwoFilesPatch starts with an "Index"-less header; git wants "diff --git" first to name the file.
  return {
    team: teamId,
    commit: snapshot.commit,
    file,
    patch: `diff --git a/${file} b/${file}\n${patch.replace(/^=+\n/m, "")}`,
  };
}
