/**
 * Who a use case of the organisation server acts for: the actor (for the access log), the grants
 * they hold as granted, and what those allow. The server builds one per request (a session, a token
 * or the local user); the use cases check it here. Pure.
 */
import type { OrgRole } from "../org/config.ts";
import { ForbiddenError } from "./errors.ts";
import { type Grant, grantText, holds, type Permissions } from "./org-grants.ts";

export interface OrgPrincipal extends Permissions {
  /** Who, for the access log: a login's subject, `token:<id> (<name>)` for an API token, `token`, `local`. */
  actor: string;
  /** What the principal holds, as granted (before the roles' implications). */
  grants: readonly Grant[];
  /** For an API token: which one, and when it expires (what it creates is bounded by it). */
  token?: { id: string; expiresAt: string };
}

/** How the access log names an API token: its id (unique) and its name (readable). */
export const tokenActor = (token: { id: string; name: string }): string =>
  `token:${token.id} (${token.name})`;

/** Whether the principal holds the admin role organisation-wide or on some team. */
export const administersAny = (p: OrgPrincipal): boolean =>
  p.roles.has("admin") || [...p.teams.values()].some((roles) => roles.has("admin"));

/** The principal's grants as text, `none` when there are none (for a refusal's message). */
export const heldText = (p: OrgPrincipal): string => p.grants.map(grantText).join(", ") || "none";

/** Refuses (ForbiddenError) a principal without `role` organisation-wide, or on `team` when one is named. */
export function requireHeld(p: OrgPrincipal, role: OrgRole, team?: string): void {
  if (!holds(p, role, team))
    throw new ForbiddenError(
      `this needs the ${role} role${team ? ` on ${team} or organisation-wide` : " organisation-wide"}; ${p.actor} has ${heldText(p)}`,
    );
}
