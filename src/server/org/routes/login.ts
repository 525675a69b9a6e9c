/**
 * OpenID Connect login (authorization code with PKCE, through openid-client): GET /auth/login
 * sends the browser to the issuer; GET /auth/callback checks state, nonce and the code verifier,
 * maps the groups claim to roles, and opens a server-side session (httpOnly, SameSite=Lax cookie;
 * Secure when the public address is https); POST /auth/logout ends it. Each login and logout goes to
 * the audit log.
 */

import type { OpenAPIHono } from "@hono/zod-openapi";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import * as oidc from "openid-client";
import { ForbiddenError, InputError, UnauthorisedError, UnavailableError } from "../../../app/errors.ts";
import { grantsFromGroups, grantText } from "../../../app/org-grants.ts";
import type { OrgAuth } from "../../../org/config.ts";
import type { OrgStore } from "../../../org/store-port.ts";
import { principalOf, randomToken, record, SESSION_COOKIE, sha256 } from "../access.ts";

const LOGIN_COOKIE = "mlteam_login";
const SESSION_HOURS = 8;

export interface LoginOptions {
  auth: OrgAuth;
  store: OrgStore;
  now: () => string;
  /** The client secret (from the environment variable the organisation file names). */
  clientSecret: string;
}

export function loginRoutes(app: OpenAPIHono, options: LoginOptions): void {
  const { auth, store, now } = options;
  const secure = auth.publicUrl.startsWith("https://");
  const redirectUri = new URL("/auth/callback", auth.publicUrl).toString();
  let configuration: Promise<oidc.Configuration> | undefined;
  const issuer = () => {
    configuration ??= (async () => {
      const url = new URL(auth.issuer);
      // Plain http only for an issuer on this machine (tests, a local identity provider).
      const local = /^(127\.\d+\.\d+\.\d+|localhost|\[::1\])$/.test(url.hostname);
      return oidc.discovery(
        url,
        auth.clientId,
        options.clientSecret,
        undefined,
        local ? { execute: [oidc.allowInsecureRequests] } : undefined,
      );
    })();
    configuration.catch(() => {
      configuration = undefined;
    });
    return configuration.catch((error: unknown) => {
      throw new UnavailableError(
        `the identity provider cannot be reached: ${error instanceof Error ? error.message : String(error)}`,
      );
    });
  };

  app.get("/auth/login", async (c) => {
    const config = await issuer();
    const verifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    setCookie(c, LOGIN_COOKIE, `${state}.${nonce}.${verifier}`, {
      httpOnly: true,
      sameSite: "Lax",
      secure,
      path: "/auth",
      maxAge: 600,
    });
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: redirectUri,
      scope: "openid profile email",
      code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
      code_challenge_method: "S256",
      state,
      nonce,
    });
    return c.redirect(url.toString(), 302);
  });

  app.get("/auth/callback", async (c) => {
    const config = await issuer();
    const [state, nonce, verifier] = (getCookie(c, LOGIN_COOKIE) ?? "").split(".");
    deleteCookie(c, LOGIN_COOKIE, { path: "/auth" });
    if (!state || !nonce || !verifier) throw new InputError("no login in progress: start at /auth/login");
    const current = new URL(c.req.url);
    const callback = new URL(`${redirectUri}${current.search}`);
    let claims: oidc.IDToken | undefined;
    try {
      const tokens = await oidc.authorizationCodeGrant(config, callback, {
        pkceCodeVerifier: verifier,
        expectedState: state,
        expectedNonce: nonce,
      });
      claims = tokens.claims();
    } catch (error) {
      throw new UnauthorisedError(
        `the login was refused: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    if (!claims) throw new UnauthorisedError("the identity provider sent no ID token");
    const groups = claims[auth.groupsClaim ?? "groups"];
    const held = Array.isArray(groups) ? groups.map(String) : [];
    // The groups' roles go with the session; roles an admin assigned are read on every request.
    const roles = grantsFromGroups(auth, held).map(grantText);
    const subject = String(claims.email ?? claims.preferred_username ?? claims.sub);
    const assigned = (await store.assignments(subject)).map((a) => a.grant);
    if (roles.length === 0 && assigned.length === 0) {
      await record(store, now, subject, "login", { refused: true, groups: held });
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
    await record(store, now, subject, "login", { roles, assigned });
    setCookie(c, SESSION_COOKIE, cookie, {
      httpOnly: true,
      sameSite: "Lax",
      secure,
      path: "/",
      maxAge: SESSION_HOURS * 3600,
    });
    return c.redirect("/", 302);
  });
}

/** POST /auth/logout: needs the session (and its CSRF token, checked by the access middleware). */
export function logoutRoute(app: OpenAPIHono, options: Pick<LoginOptions, "store" | "now">): void {
  app.post("/auth/logout", async (c) => {
    const principal = principalOf(c);
    const cookie = getCookie(c, SESSION_COOKIE);
    if (cookie) await options.store.deleteSession(sha256(cookie));
    deleteCookie(c, SESSION_COOKIE, { path: "/" });
    await record(options.store, options.now, principal.actor, "logout");
    return c.json({ ok: true }, 200);
  });
}
