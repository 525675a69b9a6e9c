/**
 * OpenID Connect login (authorization code with PKCE, through openid-client): GET /auth/login
 * sends the browser to the issuer; GET /auth/callback checks state, nonce and the code verifier,
 * maps the groups claim to roles, and opens a server-side session (httpOnly, SameSite=Lax cookie;
 * Secure unless the public address is plain http on this machine, src/app/org-transport.ts); POST
 * /auth/logout ends it. Who signed in is the issuer's (issuer, sub) pair, with the e-mail only when
 * verified (src/app/org-sign-in.ts); each login and logout goes to the access log.
 */

import type { OpenAPIHono } from "@hono/zod-openapi";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import * as oidc from "openid-client";
import { InputError, UnauthorisedError, UnavailableError } from "../../../app/errors.ts";
import { SESSION_HOURS, signIn, signOut } from "../../../app/org-sign-in.ts";
import { secureCookies } from "../../../app/org-transport.ts";
import type { OrgAuth } from "../../../org/config.ts";
import type { OrgStore } from "../../../org/store-port.ts";
import { principalOf, SESSION_COOKIE } from "../access.ts";

const LOGIN_COOKIE = "mlteam_login";

export interface LoginOptions {
  auth: OrgAuth;
  store: OrgStore;
  now: () => string;
  /** The client secret (from the environment variable the organisation file names). */
  clientSecret: string;
}

/** The identity provider's configuration, discovered once (again after a failure); unreachable: an UnavailableError. */
function issuerOf(auth: OrgAuth, clientSecret: string): () => Promise<oidc.Configuration> {
  let configuration: Promise<oidc.Configuration> | undefined;
  return () => {
    configuration ??= (async () => {
      const url = new URL(auth.issuer);
      // Plain http only for an issuer on this machine (tests, a local identity provider).
      const local = /^(127\.\d+\.\d+\.\d+|localhost|\[::1\])$/.test(url.hostname);
      return oidc.discovery(
        url,
        auth.clientId,
        clientSecret,
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
}

export function loginRoutes(app: OpenAPIHono, options: LoginOptions): void {
  const { auth } = options;
  const secure = secureCookies(auth.publicUrl);
  const redirectUri = new URL("/auth/callback", auth.publicUrl).toString();
  const issuer = issuerOf(auth, options.clientSecret);

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
    const callback = new URL(`${redirectUri}${new URL(c.req.url).search}`);
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
    // The issuer as discovered: openid-client has checked that the ID token's `iss` is this one.
    const { cookie } = await signIn(options, { issuer: config.serverMetadata().issuer, claims });
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
    deleteCookie(c, SESSION_COOKIE, { path: "/" });
    await signOut(options, principal.actor, cookie);
    return c.json({ ok: true }, 200);
  });
}
