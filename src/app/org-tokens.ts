/**
 * API tokens of the organisation server: create (shown once, stored hashed, expiring), list without
 * their secrets, revoke. A token is bounded by whoever created it: it holds only roles its creator
 * administers and holds; created by a token, it expires no later than that token and is revoked with
 * it (transitively); created otherwise (a session, the server's own token, the local user), it lives
 * at most MAX_TOKEN_DAYS. Whoever could create a token may list and revoke it: an admin of every
 * team its roles are on (an organisation-wide role: an organisation admin). Each change goes to the
 * access log.
 */
import { randomUUID } from "node:crypto";
import type { ApiToken, OrgStore } from "../org/store-port.ts";
import { ForbiddenError, NotFoundError } from "./errors.ts";
import { appendToAccessLog } from "./org-access-log.ts";
import { covers, holds, parseGrant } from "./org-grants.ts";
import { administersAny, heldText, type OrgPrincipal } from "./org-principal.ts";
import { randomToken, sha256 } from "./org-secrets.ts";

/** The longest a token lives (one created by a token: no longer than that one). */
export const MAX_TOKEN_DAYS = 365;

export interface OrgTokenDeps {
  store: OrgStore;
  /** The current time, ISO 8601. */
  now: () => string;
}

/** A token as shown: everything but its hash. */
export type ApiTokenView = Omit<ApiToken, "hash">;

export interface TokenRequest {
  name: string;
  /** Grants as text (`role`, `role@team`). */
  roles: string[];
  /** At most MAX_TOKEN_DAYS; cut to the creating token's expiry when that comes first. */
  expiresInDays: number;
}

/** Whether `p` administers every team the token's roles are on (organisation-wide roles: the organisation). */
export function managesToken(p: OrgPrincipal, token: Pick<ApiToken, "roles">): boolean {
  return token.roles.every((text) => holds(p, "admin", parseGrant(text)?.team));
}

/** Refuses (ForbiddenError) a principal who is an admin nowhere: they can create no token. */
function requireSomeAdmin(p: OrgPrincipal): void {
  if (!administersAny(p))
    throw new ForbiddenError(
      `API tokens need the admin role organisation-wide or on a team; ${p.actor} has ${heldText(p)}`,
    );
}

/** Creates a token; the answer carries its secret (`token`), the only time it is shown. */
export async function createApiToken(
  deps: OrgTokenDeps,
  admin: OrgPrincipal,
  request: TokenRequest,
): Promise<ApiTokenView & { token: string }> {
  // An admin of the organisation, or of each team the token is scoped to, within what they hold.
  const refused = request.roles.filter((text) => {
    const grant = parseGrant(text);
    return !grant || !holds(admin, "admin", grant.team) || !covers(admin, grant);
  });
  if (refused.length > 0)
    throw new ForbiddenError(
      `a token cannot hold what you do not administer and hold: ${refused.join(", ")}`,
    );
  const secret = randomToken("mlt_");
  const createdAt = deps.now();
  const days = Math.min(request.expiresInDays, MAX_TOKEN_DAYS);
  const asked = new Date(Date.parse(createdAt) + days * 86_400_000).toISOString();
  const parent = admin.token;
  const token: ApiToken = {
    id: randomUUID(),
    name: request.name,
    hash: sha256(secret),
    roles: request.roles,
    createdBy: admin.actor,
    ...(parent ? { parent: parent.id } : {}),
    createdAt,
    expiresAt: parent && parent.expiresAt < asked ? parent.expiresAt : asked,
  };
  await deps.store.saveToken(token);
  await appendToAccessLog(deps.store, deps.now, admin.actor, "token-created", {
    id: token.id,
    name: token.name,
    roles: token.roles,
    expiresAt: token.expiresAt,
    ...(token.parent ? { parent: token.parent } : {}),
  });
  const { hash: _hash, ...shown } = token;
  return { ...shown, token: secret };
}

/** The tokens the principal may manage (see managesToken), without their hashes. */
export async function listApiTokens(store: OrgStore, principal: OrgPrincipal): Promise<ApiTokenView[]> {
  requireSomeAdmin(principal);
  return (await store.tokens()).filter((t) => managesToken(principal, t)).map(({ hash: _hash, ...t }) => t);
}

/**
 * Revokes a token and every token it created, transitively. NotFoundError when there is none the
 * principal may manage, or it and its descendants are revoked already.
 */
export async function revokeApiToken(deps: OrgTokenDeps, principal: OrgPrincipal, id: string): Promise<void> {
  requireSomeAdmin(principal);
  const token = await deps.store.token(id);
  if (!token || !managesToken(principal, token)) throw new NotFoundError(`no token ${id} to revoke`);
  const revoked = await deps.store.revokeToken(id, deps.now());
  if (revoked.length === 0) throw new NotFoundError(`no token ${id} to revoke: revoked already`);
  await appendToAccessLog(deps.store, deps.now, principal.actor, "token-revoked", {
    id,
    name: token.name,
    cascade: revoked.filter((x) => x !== id),
  });
}
