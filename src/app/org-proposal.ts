/**
 * "Propose change" on the organisation server: the models stay in git, so an edit made there is
 * not saved — it becomes a patch of the team's YAML at the synced commit (a unified diff that `git
 * apply` takes, every comment kept), for the user to download and send as a pull request.
 */
import { createTwoFilesPatch } from "diff";
import { treeHost } from "../history/tree-host.ts";
import type { OrgConfig } from "../org/config.ts";
import { localRepository } from "../org/repositories.ts";
import type { OrgStore } from "../org/store-port.ts";
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
  options: { store: OrgStore; config: OrgConfig; dataDir: string; today: string },
  teamId: string,
  change: CellChange,
): Promise<Proposal> {
  const team = await options.store.team(teamId);
  const source = options.config.sources.find((s) => s.id === teamId);
  if (!team || !source) throw new NotFoundError(`no team "${teamId}" in the organisation`);
  if (!team.head) throw new UnavailableError(`${teamId} has not been synced yet`);
  let repo: string;
  try {
    repo = source.remote
      ? `${options.dataDir}/repos/${source.id}.git`
      : localRepository(source, options.dataDir);
  } catch (error) {
    throw new UnavailableError(error instanceof Error ? error.message : String(error));
  }
  const host = treeHost(repo, team.head, source.model);
  const check = await checkTeam(source.model, { host, today: options.today, validateOnly: true });
  if (!check.valid) throw new InvalidModelError(check.diagnostics);
  const { file, before, after } = planRaciCell(check, host, source.model, change);
  const patch = createTwoFilesPatch(`a/${file}`, `b/${file}`, before, after, undefined, undefined, {
    context: 3,
  });
  // createTwoFilesPatch starts with an "Index"-less header; git wants "diff --git" first to name the file.
  return {
    team: teamId,
    commit: team.head,
    file,
    patch: `diff --git a/${file} b/${file}\n${patch.replace(/^=+\n/m, "")}`,
  };
}
