/**
 * The use cases behind the organisation server's login: who an identity provider's ID token says the
 * user is, the roles its groups and an admin's assignments give them, and the server-side session that
 * follows (its secret handed back once, only its digest kept). Each login, refused or not, and each
 * logout goes to the access log.
 *
 * Identity (docs/security.md "Identity"): a login is the pair (issuer, `sub`), the only claims the
 * provider guarantees to be unique and never reassigned. Its subject — what role assignments and the
 * access log name — is `sub:<sub>@<issuer without its scheme>` (see `subjectOfSub`), or the e-mail
 * when the provider says it verified it (`email_verified: true`). `preferred_username` and an
 * unverified e-mail never name anyone: any user of the provider can choose them.
 */
import type { OrgAuth } from "../org/config.ts";
import type { OrgStore, RoleAssignment } from "../org/store-port.ts";
import { ForbiddenError, UnauthorisedError } from "./errors.ts";
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

/** Who a login is: the provider's pair (issuer, sub), and the e-mail only when the provider verified it. */
export interface LoginIdentity {
  issuer: string;
  sub: string;
  /** The subject assignments to the pair are made to: `sub:<sub>@<issuer without its scheme>`. */
  subForm: string;
  /** The e-mail, when `email_verified` is true and it is a plain address. */
  verifiedEmail?: string;
}

/**
 * The subject of the provider's `sub` at `issuer`: `sub:<sub>@<issuer's host, port and path>`, e.g.
 * `sub:248289761001@accounts.google.com` or `sub:f81d…@login.example.com/realms/acme`. The `sub:`
 * prefix makes it something no e-mail we accept can be (they have no `:` before the `@`), so a user
 * cannot pick an e-mail (or a `sub`, at a provider that lets them) that reads as someone else's
 * subject; the issuer's path keeps two realms on one host apart.
 */
export function subjectOfSub(issuer: string, sub: string): string {
  const url = new URL(issuer);
  return `sub:${sub}@${url.host}${url.pathname.replace(/\/+$/, "")}`;
}

/** A plain address: something before one `@` (no `:`, no space) and a host after it. */
const PLAIN_EMAIL = /^[^\s@:]+@[^\s@:/\\]+$/;

/** Who the claims (from `issuer`'s verified ID token) say the user is. */
export function loginIdentity(issuer: string, claims: IdTokenClaims): LoginIdentity {
  if (typeof claims.sub !== "string" || claims.sub === "")
    throw new UnauthorisedError("the identity provider's ID token names no subject (sub)");
  if (claims.iss !== undefined && claims.iss !== issuer)
    throw new UnauthorisedError(`the ID token is from ${String(claims.iss)}, not ${issuer}`);
  const email = claims.email;
  // The claim is a boolean (OpenID Connect Core §5.1); some providers send it as the string "true".
  const verified = claims.email_verified === true || claims.email_verified === "true";
  return {
    issuer,
    sub: claims.sub,
    subForm: subjectOfSub(issuer, claims.sub),
    ...(verified && typeof email === "string" && PLAIN_EMAIL.test(email) ? { verifiedEmail: email } : {}),
  };
}

/**
 * The session's subject and the assignments that go with it. An assignment to the subject form
 * (`sub:…`) binds the login itself, so when there is one it is the subject; otherwise the verified
 * e-mail is (assignments to it, if any), else the subject form. Only one subject's assignments are
 * used, since the server reads that subject's assignments again on every request (a removal takes
 * effect at once): assign a person by one form, not both.
 */
async function subjectOf(
  store: OrgStore,
  who: LoginIdentity,
): Promise<{ subject: string; assigned: RoleAssignment[] }> {
  const bySub = await store.assignments(who.subForm);
  if (bySub.length > 0 || who.verifiedEmail === undefined) return { subject: who.subForm, assigned: bySub };
  return { subject: who.verifiedEmail, assigned: await store.assignments(who.verifiedEmail) };
}

/**
 * Opens a session for the user the claims of `issuer`'s verified ID token name; a ForbiddenError
 * (logged) when they hold no role here, or when the organisation file requires a verified e-mail and
 * the token has none. Returns the cookie's secret.
 */
export async function signIn(
  deps: SignInDeps,
  login: { issuer: string; claims: IdTokenClaims },
): Promise<{ cookie: string }> {
  const { auth, store, now } = deps;
  const { claims } = login;
  const who = loginIdentity(login.issuer, claims);
  const groups = claims[auth.groupsClaim ?? "groups"];
  const held = Array.isArray(groups) ? groups.map(String) : [];
  const pair = { issuer: who.issuer, sub: who.sub };
  if (auth.requireVerifiedEmail === true && who.verifiedEmail === undefined) {
    await appendToAccessLog(store, now, who.subForm, "login", {
      refused: true,
      reason: "no verified e-mail",
      ...pair,
    });
    throw new ForbiddenError(
      `${who.subForm} has no verified e-mail at the identity provider, which this organisation requires`,
    );
  }
  // The groups' roles go with the session; roles an admin assigned are read on every request.
  const roles = grantsFromGroups(auth, held).map(grantText);
  const { subject, assigned: assignments } = await subjectOf(store, who);
  const assigned = assignments.map((a) => a.grant);
  if (roles.length === 0 && assigned.length === 0) {
    await appendToAccessLog(store, now, subject, "login", { refused: true, groups: held, ...pair });
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
  await appendToAccessLog(store, now, subject, "login", { roles, assigned, ...pair });
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
