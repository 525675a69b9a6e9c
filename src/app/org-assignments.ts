/**
 * Roles an admin assigns to people by their login's subject (e-mail), organisation-wide or on one
 * team: list, assign, remove. An organisation admin assigns any role; a team's admin the roles on
 * that team (and only what they hold). Every change goes to the access log, and takes effect on the
 * person's next request.
 */
import { randomUUID } from "node:crypto";
import type { OrgStore, RoleAssignment } from "../org/store-port.ts";
import { ConflictError, ForbiddenError, InputError, NotFoundError } from "./errors.ts";
import { appendToAccessLog } from "./org-access-log.ts";
import { covers, grantText, holds, parseGrant } from "./org-grants.ts";
import type { OrgPrincipal } from "./org-principal.ts";

export interface OrgAssignmentDeps {
  store: OrgStore;
  /** The current time, ISO 8601. */
  now: () => string;
}

/** The assignments on what the principal administers (all of them for an organisation admin). */
export async function listRoleAssignments(
  store: OrgStore,
  principal: OrgPrincipal,
): Promise<RoleAssignment[]> {
  if (!holds(principal, "admin") && ![...principal.teams.values()].some((roles) => roles.has("admin")))
    throw new ForbiddenError(
      `assignments are for admins; ${principal.actor} has ${principal.grants.map(grantText).join(", ")}`,
    );
  const all = await store.assignments();
  return all.filter((a) => holds(principal, "admin", parseGrant(a.grant)?.team));
}

/**
 * Assigns `grant` (`role` or `role@team`) to `subject`. InputError when it is not a grant,
 * NotFoundError when its team is not among `teams` (the organisation's), ForbiddenError when the
 * principal does not administer and hold it, ConflictError when the subject has it already.
 */
export async function assignRole(
  deps: OrgAssignmentDeps & { teams: readonly string[] },
  principal: OrgPrincipal,
  request: { subject: string; grant: string },
): Promise<RoleAssignment> {
  const grant = parseGrant(request.grant);
  if (!grant) throw new InputError(`not a role: ${request.grant}`);
  if (grant.team !== undefined && !deps.teams.includes(grant.team))
    throw new NotFoundError(`no team "${grant.team}" in the organisation`);
  if (!holds(principal, "admin", grant.team) || !covers(principal, grant))
    throw new ForbiddenError(
      `assigning ${request.grant} needs the admin role ${grant.team ? `on ${grant.team} or ` : ""}organisation-wide`,
    );
  const assignment: RoleAssignment = {
    id: randomUUID(),
    subject: request.subject,
    grant: grantText(grant),
    assignedBy: principal.actor,
    assignedAt: deps.now(),
  };
  if (!(await deps.store.assign(assignment)))
    throw new ConflictError(`${request.subject} already has ${assignment.grant}`);
  await appendToAccessLog(deps.store, deps.now, principal.actor, "role-assigned", {
    id: assignment.id,
    subject: assignment.subject,
    grant: assignment.grant,
  });
  return assignment;
}

/** Removes an assignment (admin of its team or of the organisation); the removed one. */
export async function removeRoleAssignment(
  deps: OrgAssignmentDeps,
  principal: OrgPrincipal,
  id: string,
): Promise<RoleAssignment> {
  const known = (await deps.store.assignments()).find((a) => a.id === id);
  if (!known) throw new NotFoundError(`no assignment ${id}`);
  if (!holds(principal, "admin", parseGrant(known.grant)?.team))
    throw new ForbiddenError(`removing ${known.grant} needs its team's or the organisation's admin role`);
  const removed = await deps.store.unassign(id);
  if (!removed) throw new NotFoundError(`no assignment ${id}`);
  await appendToAccessLog(deps.store, deps.now, principal.actor, "role-removed", {
    id,
    subject: removed.subject,
    grant: removed.grant,
  });
  return removed;
}
