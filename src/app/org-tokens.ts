/**
 * API tokens of the organisation server: create (shown once, stored hashed, scoped to roles the
 * creator administers and holds, expiring), list without their secrets, revoke. Each change goes to
 * the access log.
 */
import { randomUUID } from "node:crypto";
import type { ApiToken, OrgStore } from "../org/store-port.ts";
import { ForbiddenError, NotFoundError } from "./errors.ts";
import { appendToAccessLog } from "./org-access-log.ts";
import { covers, holds, parseGrant } from "./org-grants.ts";
import { type OrgPrincipal, requireHeld } from "./org-principal.ts";
import { randomToken, sha256 } from "./org-secrets.ts";

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
  expiresInDays: number;
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
  const token: ApiToken = {
    id: randomUUID(),
    name: request.name,
    hash: sha256(secret),
    roles: request.roles,
    createdBy: admin.actor,
    createdAt,
    expiresAt: new Date(Date.parse(createdAt) + request.expiresInDays * 86_400_000).toISOString(),
  };
  await deps.store.saveToken(token);
  await appendToAccessLog(deps.store, deps.now, admin.actor, "token-created", {
    id: token.id,
    name: token.name,
    roles: token.roles,
  });
  const { hash: _hash, ...shown } = token;
  return { ...shown, token: secret };
}

/** Every token, without its hash (admin organisation-wide). */
export async function listApiTokens(store: OrgStore, principal: OrgPrincipal): Promise<ApiTokenView[]> {
  requireHeld(principal, "admin");
  return (await store.tokens()).map(({ hash: _hash, ...t }) => t);
}

/** Revokes a token (admin organisation-wide); NotFoundError when there is none or it is revoked already. */
export async function revokeApiToken(deps: OrgTokenDeps, principal: OrgPrincipal, id: string): Promise<void> {
  requireHeld(principal, "admin");
  if (!(await deps.store.revokeToken(id, deps.now()))) throw new NotFoundError(`no token ${id} to revoke`);
  await appendToAccessLog(deps.store, deps.now, principal.actor, "token-revoked", { id });
}
