/**
 * Who a use case of the organisation server acts for: the actor (for the access log), the grants
 * they hold as granted, and what those allow. The server builds one per request (a session, a token
 * or the local user); the use cases check it here. Pure.
 */
import type { OrgRole } from "../org/config.ts";
import { ForbiddenError } from "./errors.ts";
import { type Grant, grantText, holds, type Permissions } from "./org-grants.ts";

export interface OrgPrincipal extends Permissions {
  actor: string;
  /** What the principal holds, as granted (before the roles' implications). */
  grants: readonly Grant[];
}

/** The principal's grants as text, `none` when there are none (for a refusal's message). */
export const heldText = (p: OrgPrincipal): string => p.grants.map(grantText).join(", ") || "none";

/** Refuses (ForbiddenError) a principal without `role` organisation-wide, or on `team` when one is named. */
export function requireHeld(p: OrgPrincipal, role: OrgRole, team?: string): void {
  if (!holds(p, role, team))
    throw new ForbiddenError(
      `this needs the ${role} role${team ? ` on ${team} or organisation-wide` : " organisation-wide"}; ${p.actor} has ${heldText(p)}`,
    );
}
