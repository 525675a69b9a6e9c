/**
 * "Propose change" on the organisation server: the models stay in git, so an edit made there is
 * not saved — it becomes a patch of the team's YAML at the synced commit (read from the snapshot) (a unified diff that `git
 * apply` takes, every comment kept), for the user to download and send as a pull request.
 */
import { createTwoFilesPatch } from "diff";
import type { TeamSnapshot } from "../org/snapshot.ts";
import { snapshotHost } from "../org/snapshot-host.ts";
import type { OrgStore, TeamRecord } from "../org/store-port.ts";
import { checkTeam } from "./check-team.ts";
import { InvalidModelError, NotFoundError, UnavailableError } from "./errors.ts";
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

/** The team's current snapshot with the model's files, or why there is none. */
export async function syncedModel(
  store: OrgStore,
  teamId: string,
): Promise<{ team: TeamRecord; snapshot: TeamSnapshot & { files: Record<string, string> } }> {
  const team = await store.team(teamId);
  if (!team) throw new NotFoundError(`no team "${teamId}" in the organisation`);
  const snapshot = team.head ? await store.snapshot(teamId, team.head) : undefined;
  if (!snapshot)
    throw new UnavailableError(
      team.error
        ? `${teamId} has no snapshot: its last sync failed — ${team.error}`
        : `${teamId} has not been synced yet`,
    );
  if (!snapshot.files)
    throw new UnavailableError(`${teamId}'s snapshot predates stored model files: run \`mlteam org sync\``);
  return { team, snapshot: { ...snapshot, files: snapshot.files } };
}
