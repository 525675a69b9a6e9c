/**
 * The handover as a long-running surface (the dashboard) asks for it: planned on the workspace's
 * current version with the evidence that version was checked with, and applied only when the caller's
 * ETag (If-Match) is still the model's — otherwise nothing is written.
 */
import { requireValid } from "./check-team.ts";
import { PreconditionError, StaleVersionError } from "./errors.ts";
import { applyHandover, type HandoverPlan, planHandover } from "./handover.ts";
import type { Checked, ModelWorkspace } from "./workspace.ts";

export interface WorkspaceHandoverRequest {
  person: string;
  to?: string | undefined;
  /** YYYY-MM-DD. */
  date: string;
}

/** The handover of `request.person` on the workspace's current version, and that version's ETag. */
export async function planWorkspaceHandover(
  workspace: ModelWorkspace,
  request: WorkspaceHandoverRequest,
): Promise<{ etag: string; plan: HandoverPlan }> {
  const checked = await workspace.current();
  return { etag: checked.etag, plan: await planOn(workspace, checked, request) };
}

async function planOn(
  workspace: ModelWorkspace,
  checked: Checked,
  request: WorkspaceHandoverRequest,
): Promise<HandoverPlan> {
  const { evidence, warnings } = requireValid(checked.check);
  return planHandover({
    entry: workspace.entry,
    person: request.person,
    to: request.to,
    date: request.date,
    host: workspace.host,
    // The history mined for this version, not mined again: the dashboard and the plan agree.
    gatherEvidence: async () => ({ ...(evidence ? { report: evidence } : {}), warnings }),
  });
}

export interface WorkspaceHandoverApplied {
  /** The model's version after the handover. */
  etag: string;
  /** The files written, relative to the model's folder. */
  applied: string[];
  plan: HandoverPlan;
}

/**
 * Plans and writes the handover of `request.person` when `ifMatch` is the model's current ETag:
 * a {@link PreconditionError} without one, a {@link StaleVersionError} when the model changed since;
 * a change while saving is refused by {@link applyHandover} (a ConflictError). Nothing is written then.
 */
export async function applyWorkspaceHandover(
  workspace: ModelWorkspace,
  request: WorkspaceHandoverRequest,
  ifMatch: string | undefined,
): Promise<WorkspaceHandoverApplied> {
  if (!ifMatch)
    throw new PreconditionError(
      "send the ETag the handover was planned on (If-Match), so that no one else's change is overwritten",
    );
  const checked = await workspace.current();
  const stale = () =>
    new StaleVersionError(
      "the model changed since you loaded the handover (someone else edited it); reload it and try again",
    );
  if (ifMatch !== checked.etag) throw stale();
  const plan = await planOn(workspace, checked, request);
  if (workspace.etag() !== checked.etag) throw stale();
  const applied = await applyHandover(plan, workspace.host);
  const after = await workspace.current(); // the next read finds the new version checked
  return { etag: after.etag, applied, plan };
}
