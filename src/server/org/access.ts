/**
 * Who is asking, and what they may do. A request carries an API token (`Authorization: Bearer
 * mlt_…`, hashed at rest, scoped to roles, expiring, revocable), or a session cookie set after an
 * OpenID Connect login (server-side session, httpOnly and SameSite; writes also need the session's
 * CSRF token), or — with no login configured, on loopback — nothing: the local user is admin.
 * Roles: viewer reads; editor also proposes changes; admin also syncs and manages tokens and role
 * assignments (and is an editor); auditor reads and exports the audit log. Each is held
 * organisation-wide or on one team (org/grants.ts): from the login's groups, from an admin's
 * assignment (read on every request, so a removal takes effect at once), or from a token's scope.
 * A token works while it and every token above it (the one that created it, and so on) is neither
 * revoked nor expired. Every refusal (401, 403) goes to the access log (`recordRefusal`, called at the
 * error edge): who, if known, the method and path, never a secret.
 */

import type { Context, MiddlewareHandler } from "hono";
import { getCookie } from "hono/cookie";
import { type AppError, ForbiddenError, UnauthorisedError } from "../../app/errors.ts";
import { appendToAccessLog } from "../../app/org-access-log.ts";
import { type Grant, grantText, parseGrant, permissionsOf } from "../../app/org-grants.ts";
import { type OrgPrincipal, requireHeld, tokenActor } from "../../app/org-principal.ts";
import { sha256 } from "../../app/org-secrets.ts";
import type { OrgRole } from "../../org/config.ts";
import type { ApiToken, OrgStore } from "../../org/store-port.ts";
import { sameSecret } from "../security.ts";

/** The routes' helpers that live in the application layer, for the route files that import them from here. */
export { appendToAccessLog as record } from "../../app/org-access-log.ts";
export { randomToken, sha256 } from "../../app/org-secrets.ts";

export interface Principal extends OrgPrincipal {
  via: "local" | "static-token" | "api-token" | "session";
  /** For a session: the token its writes must carry (X-CSRF-Token). */
  csrf?: string;
}

export const SESSION_COOKIE = "mlteam_session";
/** The context key of what a refused (401) request claimed to be, for the access log. */
const ATTEMPT = "refusedAttempt";

/** A principal holding `grants` (texts that are not grants are ignored). */
export function principal(
  actor: string,
  via: Principal["via"],
  grants: Iterable<string | Grant>,
  csrf?: string,
  token?: OrgPrincipal["token"],
): Principal {
  const parsed = [...grants].flatMap((g) => {
    const grant = typeof g === "string" ? parseGrant(g) : g;
    return grant ? [grant] : [];
  });
  const unique = [...new Map(parsed.map((g) => [grantText(g), g])).values()];
  return {
    actor,
    via,
    grants: unique,
    ...permissionsOf(unique),
    ...(csrf ? { csrf } : {}),
    ...(token ? { token } : {}),
  };
}

export interface AccessOptions {
  store: OrgStore;
  /** OpenID Connect is configured: nobody is trusted without a session or a token. */
  login: boolean;
  /** The legacy static token of `--token` / MLTEAM_TOKEN: admin. */
  staticToken?: string;
  now: () => string;
}

/** Sets `principal` on every API request, or refuses it (401); checks CSRF on session writes. */
export function access(options: AccessOptions): MiddlewareHandler {
  return async (c, next) => {
    const principal = await identify(c, options);
    if (!principal) {
      const attempt = await attempted(c, options);
      c.set(ATTEMPT as never, attempt as never);
      throw new UnauthorisedError(
        options.login
          ? "sign in (GET /auth/login) or send Authorization: Bearer <API token>"
          : "this server needs its token: send Authorization: Bearer <token>",
      );
    }
    // Known from here on (a refused write below is logged as theirs).
    c.set("principal" as never, principal as never);
    const write = c.req.method !== "GET" && c.req.method !== "HEAD";
    if (write && principal.via === "session") {
      const sent = c.req.header("x-csrf-token") ?? "";
      if (!principal.csrf || !sameSecret(sent, principal.csrf))
        throw new ForbiddenError(
          "writes from a signed-in browser need the header X-CSRF-Token (GET /api/org/me)",
        );
    }
    await next();
  };
}

async function identify(c: Context, options: AccessOptions): Promise<Principal | undefined> {
  const bearer = /^Bearer (.+)$/.exec(c.req.header("authorization") ?? "")?.[1];
  if (bearer !== undefined) {
    if (options.staticToken !== undefined && sameSecret(bearer, options.staticToken))
      return principal("token", "static-token", ["admin"]);
    const token = await options.store.tokenByHash(sha256(bearer));
    if (!token || !(await live(token, options))) return undefined;
    return principal(tokenActor(token), "api-token", token.roles, undefined, {
      id: token.id,
      expiresAt: token.expiresAt,
    });
  }
  const cookie = getCookie(c, SESSION_COOKIE);
  if (cookie !== undefined) {
    const session = await options.store.session(sha256(cookie));
    if (session && session.expiresAt > options.now()) {
      const assigned = (await options.store.assignments(session.subject)).map((a) => a.grant);
      return principal(session.subject, "session", [...session.roles, ...assigned], session.csrf);
    }
  }
  if (!options.login && options.staticToken === undefined) return principal("local", "local", ["admin"]);
  return undefined;
}

/** How deep a chain of tokens creating tokens is followed; a longer one is refused. */
const MAX_TOKEN_DEPTH = 32;

/** Whether a token and each token above it is neither revoked nor expired. */
async function live(token: ApiToken, options: AccessOptions): Promise<boolean> {
  const now = options.now();
  let current: ApiToken | undefined = token;
  for (let depth = 0; current; depth++) {
    if (depth > MAX_TOKEN_DEPTH || current.revokedAt !== undefined || current.expiresAt <= now) return false;
    if (current.parent === undefined) return true;
    current = await options.store.token(current.parent);
  }
  return false; // a parent that is gone
}

/** Who a refused (401) request claimed to be, without its secret: the token it sent, if it is one we know. */
async function attempted(c: Context, options: AccessOptions): Promise<{ actor: string; credential: string }> {
  const bearer = /^Bearer (.+)$/.exec(c.req.header("authorization") ?? "")?.[1];
  if (bearer !== undefined) {
    const token = await options.store.tokenByHash(sha256(bearer));
    if (!token) return { actor: "anonymous", credential: "unknown token" };
    const state =
      token.revokedAt !== undefined ? "revoked" : token.expiresAt <= options.now() ? "expired" : "";
    return { actor: tokenActor(token), credential: `token (${state || "revoked or expired above it"})` };
  }
  if (getCookie(c, SESSION_COOKIE) !== undefined)
    return { actor: "anonymous", credential: "unknown or expired session" };
  return { actor: "anonymous", credential: "none" };
}

/**
 * Logs a refusal (401 or 403) with who asked — the principal, the token a 401 named, or
 * `anonymous` — and the method and path (not the query), the status and the reason given.
 */
export async function recordRefusal(
  c: Context,
  options: Pick<AccessOptions, "store" | "now">,
  error: AppError,
): Promise<void> {
  const known = c.get("principal" as never) as Principal | undefined;
  const attempt = c.get(ATTEMPT as never) as { actor: string; credential: string } | undefined;
  await appendToAccessLog(
    options.store,
    options.now,
    known?.actor ?? attempt?.actor ?? "anonymous",
    "access-refused",
    {
      status: error instanceof UnauthorisedError ? 401 : 403,
      method: c.req.method,
      path: c.req.path,
      ...(known ? {} : { credential: attempt?.credential ?? "none" }),
      reason: error.message.slice(0, 300),
    },
  );
}

export const principalOf = (c: Context): Principal => c.get("principal" as never) as Principal;

/** Refuses (403) a principal without `role` organisation-wide, or on `team` when one is named. */
export function requireRole(c: Context, role: OrgRole, team?: string): Principal {
  const p = principalOf(c);
  requireHeld(p, role, team);
  return p;
}
