/**
 * A synced team as the organisation server shows it: its model at the snapshot's commit, checked as the
 * sync checked it — the same files, the same evidence, the same day — so the team's own pages agree with
 * the organisation's lists, and any server of the organisation answers without the repository.
 */
import { snapshotHost } from "../org/snapshot-host.ts";
import type { OrgStore } from "../org/store-port.ts";
import { syncedModel } from "./org-overview.ts";
import { ModelWorkspace } from "./workspace.ts";

export interface TeamSnapshotWorkspace {
  workspace: ModelWorkspace;
  /** The day the snapshot was checked as of (its sync's day). */
  day: string;
  /** Where the model comes from, for the team's pages to say. */
  origin: { team: string; commit: string; committedAt: string; syncedAt: string };
}

/** The workspace of team `id`'s current snapshot; a NotFoundError when the team has none. */
export async function teamSnapshotWorkspace(store: OrgStore, id: string): Promise<TeamSnapshotWorkspace> {
  const { team, snapshot } = await syncedModel(store, id);
  const day = snapshot.syncedAt.slice(0, 10);
  const workspace = new ModelWorkspace(team.model, snapshotHost(snapshot.files), {
    today: () => day,
    gatherEvidence: async () => ({
      ...(snapshot.evidenceReport ? { report: snapshot.evidenceReport } : {}),
      warnings: snapshot.warnings ?? [],
    }),
  });
  const origin = {
    team: id,
    commit: snapshot.commit,
    committedAt: snapshot.committedAt,
    syncedAt: snapshot.syncedAt,
  };
  return { workspace, day, origin };
}
