/**
 * The use cases behind the organisation server's login: who an identity provider's ID token says the
 * user is, the roles its groups and an admin's assignments give them, and the server-side session that
 * follows (its secret handed back once, only its digest kept). Each login, refused or not, and each
 * logout goes to the access log.
 */
import type { OrgAuth } from "../org/config.ts";
import type { OrgStore } from "../org/store-port.ts";
import { ForbiddenError } from "./errors.ts";
import { appendToAccessLog } from "./org-access-log.ts";
import { grantsFromGroups, grantText } from "./org-grants.ts";
import { randomToken, sha256 } from "./org-secrets.ts";

/** How long a session lasts. */
export const SESSION_HOURS = 8;

export interface SignInDeps {
  auth: OrgAuth;
  store: OrgStore;
  now: () => string;
}

/** The claims of a verified ID token (as openid-client returns them). */
export type IdTokenClaims = Readonly<Record<string, unknown>> & { sub: string };

/** Opens a session for the user the claims name; a ForbiddenError (logged) when they hold no role here. Returns the cookie's secret. */
export async function signIn(deps: SignInDeps, claims: IdTokenClaims): Promise<{ cookie: string }> {
  const { auth, store, now } = deps;
  const groups = claims[auth.groupsClaim ?? "groups"];
  const held = Array.isArray(groups) ? groups.map(String) : [];
  // The groups' roles go with the session; roles an admin assigned are read on every request.
  const roles = grantsFromGroups(auth, held).map(grantText);
  const subject = String(claims.email ?? claims.preferred_username ?? claims.sub);
  const assigned = (await store.assignments(subject)).map((a) => a.grant);
  if (roles.length === 0 && assigned.length === 0) {
    await appendToAccessLog(store, now, subject, "login", { refused: true, groups: held });
    throw new ForbiddenError(`${subject} holds no role here (groups: ${held.join(", ") || "none"})`);
  }
  const cookie = randomToken();
  await store.saveSession({
    id: sha256(cookie),
    subject,
    name: String(claims.name ?? subject),
    roles,
    csrf: randomToken(),
    expiresAt: new Date(Date.parse(now()) + SESSION_HOURS * 3_600_000).toISOString(),
  });
  await appendToAccessLog(store, now, subject, "login", { roles, assigned });
  return { cookie };
}

/** Ends the session whose cookie is `cookie` (if any), and logs who left. */
export async function signOut(
  deps: Pick<SignInDeps, "store" | "now">,
  actor: string,
  cookie: string | undefined,
) {
  if (cookie) await deps.store.deleteSession(sha256(cookie));
  await appendToAccessLog(deps.store, deps.now, actor, "logout");
}
