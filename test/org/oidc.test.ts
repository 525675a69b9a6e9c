/**
 * Access to the organisation server with OpenID Connect, against a real provider started in the
 * test (the `oidc-provider` package): login with PKCE, roles from the groups claim, server-side
 * sessions with CSRF on writes, API tokens (hashed, scoped, expiring, revocable), roles on one
 * team (from groups, or assigned by an admin), and the audit log.
 */
import assert from "node:assert/strict";
import { generateKeyPairSync } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { serve } from "@hono/node-server";
import Provider from "oidc-provider";
import { parseOrgConfig } from "../../src/org/config.ts";
import type { OrgStore } from "../../src/org/store-port.ts";
import { createOrgApp } from "../../src/server/org/app.ts";
import { openOrgStore } from "../../src/store/org-store.ts";
import { TODAY } from "../helpers.ts";
import { teamRepo } from "./team-repos.ts";

const scratch = mkdtempSync(join(tmpdir(), "mlteam-oidc-"));
const GROUPS: Record<string, string[]> = {
  ada: ["ml-admins"],
  vera: ["ml-viewers"],
  otto: ["ml-audit"],
  tess: ["meghan-leads"],
  nobody: ["marketing"],
};
/**
 * What the provider says about each user beyond its groups: by default a verified
 * `<user>@acme.example`; the users of the identity tests say less, or something else.
 */
const ACCOUNTS: Record<string, { email?: string; email_verified?: boolean; preferred_username?: string }> = {
  // An unverified e-mail that is an assigned admin's.
  mallory: { email: "boss@acme.example", email_verified: false },
  // No e-mail; a preferred_username that is the assigned admin's e-mail.
  pat: { preferred_username: "boss@acme.example" },
  // No e-mail at all: known by the provider's subject only.
  sol: {},
  // A verified e-mail, and roles assigned to the provider's subject.
  val: { email: "val@acme.example", email_verified: true },
  // An unverified e-mail, and a group's role.
  una: { email: "una@acme.example", email_verified: false },
};
GROUPS.una = ["ml-viewers"];

/** The claims the provider puts in `user`'s ID token. */
function claimsOf(sub: string): { sub: string; [claim: string]: unknown } {
  const account = ACCOUNTS[sub] ?? { email: `${sub}@acme.example`, email_verified: true };
  return { sub, name: sub, groups: GROUPS[sub] ?? [], ...account };
}

/** The user the provider signs in next (the test's stand-in for typing a name into a login form). */
let nextUser = "ada";
let provider: Server;
let issuer = "";
let mlteam: ReturnType<typeof serve>;
let base = "";
/** A second server of the same organisation whose file says `requireVerifiedEmail: true`. */
let strict: ReturnType<typeof serve>;
let strictBase = "";
let store: OrgStore;

/** A browser: cookies per host, redirects followed by hand (across the two servers). */
class Browser {
  readonly jar = new Map<string, Map<string, string>>();
  async fetch(url: string, init: RequestInit = {}): Promise<Response> {
    let target = new URL(url);
    let options: RequestInit = init;
    for (let hop = 0; hop < 20; hop++) {
      const cookies = this.jar.get(target.host) ?? new Map<string, string>();
      const headers = new Headers(options.headers);
      if (cookies.size) headers.set("cookie", [...cookies].map(([k, v]) => `${k}=${v}`).join("; "));
      const response = await fetch(target, { ...options, headers, redirect: "manual" });
      for (const line of response.headers.getSetCookie()) {
        const [pair = ""] = line.split(";");
        const at = pair.indexOf("=");
        const [name, value] = [pair.slice(0, at), pair.slice(at + 1)];
        if (/max-age=0|expires=thu, 01 jan 1970/i.test(line) || value === "") cookies.delete(name);
        else cookies.set(name, value);
      }
      this.jar.set(target.host, cookies);
      const location = response.headers.get("location");
      if (response.status < 300 || response.status >= 400 || !location) return response;
      target = new URL(location, target);
      options = {};
    }
    throw new Error("too many redirects");
  }
  /** Signs in as `user` through the provider; returns the last response (the dashboard's root, or an error). */
  async login(user: string, at = base): Promise<Response> {
    nextUser = user;
    return this.fetch(`${at}/auth/login`);
  }
  async csrf(at = base): Promise<string> {
    return ((await (await this.fetch(`${at}/api/org/me`)).json()) as { csrf: string }).csrf;
  }
}

const listen = (server: Server) =>
  new Promise<number>((resolve) =>
    server.listen(0, "127.0.0.1", () => resolve((server.address() as AddressInfo).port)),
  );

describe("organisation access with OpenID Connect", () => {
  before(async () => {
    // The mlteam server's port first: the provider must know its redirect URI.
    let handler: (req: Request) => Response | Promise<Response> = () =>
      new Response("starting", { status: 503 });
    const port = await new Promise<number>((resolve) => {
      mlteam = serve({ fetch: (req) => handler(req), port: 0, hostname: "127.0.0.1" }, (info) =>
        resolve(info.port),
      );
    });
    base = `http://127.0.0.1:${port}`;
    let strictHandler: typeof handler = () => new Response("starting", { status: 503 });
    const strictPort = await new Promise<number>((resolve) => {
      strict = serve({ fetch: (req) => strictHandler(req), port: 0, hostname: "127.0.0.1" }, (info) =>
        resolve(info.port),
      );
    });
    strictBase = `http://127.0.0.1:${strictPort}`;

    provider = createServer();
    const providerPort = await listen(provider);
    issuer = `http://127.0.0.1:${providerPort}`;
    const oidc = new Provider(issuer, {
      clients: [
        {
          client_id: "mlteam",
          client_secret: "client-secret",
          redirect_uris: [`${base}/auth/callback`],
          grant_types: ["authorization_code"],
          response_types: ["code"],
        },
        {
          client_id: "mlteam-strict",
          client_secret: "client-secret",
          redirect_uris: [`${strictBase}/auth/callback`],
          grant_types: ["authorization_code"],
          response_types: ["code"],
        },
      ],
      claims: {
        openid: ["sub"],
        email: ["email", "email_verified"],
        profile: ["name", "groups", "preferred_username"],
      },
      conformIdTokenClaims: false,
      features: { devInteractions: { enabled: false } },
      interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
      findAccount: (_ctx, sub) => ({
        accountId: sub,
        claims: () => claimsOf(sub),
      }),
      cookies: { keys: ["test-cookie-key"] },
      jwks: {
        keys: [
          {
            ...(generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({
              format: "jwk",
            }) as object),
            kid: "test",
            use: "sig",
            alg: "RS256",
          },
        ],
      },
      pkce: { required: () => true },
    });
    const callback = oidc.callback();
    provider.on("request", async (req, res) => {
      if (req.url?.startsWith("/interaction/")) {
        // The interaction page: sign in the test's user and grant the scopes, as a person would.
        const details = await oidc.interactionDetails(req, res);
        if (details.prompt.name === "login") {
          await oidc.interactionFinished(
            req,
            res,
            { login: { accountId: nextUser } },
            { mergeWithLastSubmission: false },
          );
          return;
        }
        const grant = new oidc.Grant({
          accountId: details.session?.accountId as string,
          clientId: details.params.client_id as string,
        });
        grant.addOIDCScope("openid profile email");
        await oidc.interactionFinished(
          req,
          res,
          { consent: { grantId: await grant.save() } },
          { mergeWithLastSubmission: true },
        );
        return;
      }
      callback(req, res);
    });

    for (const example of ["meghan-story", "central-platform"]) teamRepo(scratch, example);
    const parsed = parseOrgConfig(
      join(scratch, "mlteam-org.yaml"),
      `name: Acme ML
sources:
  - repo: meghan-story
  - repo: central-platform
auth:
  issuer: ${issuer}
  clientId: mlteam
  publicUrl: ${base}
  roles: { admin: [ml-admins], viewer: [ml-viewers], auditor: [ml-audit] }
  teams:
    meghan-story: { editor: [meghan-leads] }
`,
    );
    assert.ok(parsed.ok, JSON.stringify(parsed));
    store = await openOrgStore(join(scratch, "org.db"));
    const { app } = createOrgApp({
      store,
      config: parsed.config,
      dataDir: scratch,
      today: () => TODAY,
      clientSecret: "client-secret",
      port: () => port,
    });
    handler = (req) => app.fetch(req);

    const strictParsed = parseOrgConfig(
      join(scratch, "mlteam-org-strict.yaml"),
      `name: Acme ML
sources:
  - repo: meghan-story
auth:
  issuer: ${issuer}
  clientId: mlteam-strict
  publicUrl: ${strictBase}
  requireVerifiedEmail: true
  roles: { viewer: [ml-viewers] }
`,
    );
    assert.ok(strictParsed.ok, JSON.stringify(strictParsed));
    strictHandler = createOrgApp({
      store,
      config: strictParsed.config,
      dataDir: scratch,
      today: () => TODAY,
      clientSecret: "client-secret",
      port: () => strictPort,
    }).app.fetch;
  });

  after(async () => {
    mlteam.close();
    strict.close();
    provider.close();
    await store.close();
    rmSync(scratch, { recursive: true, force: true });
  });

  const write = { "content-type": "application/json", "x-mlteam-request": "1" };

  it("refuses requests without a session or a token", async () => {
    const response = await fetch(`${base}/api/org/teams`);
    assert.equal(response.status, 401);
    assert.match(((await response.json()) as { error: string }).error, /sign in/);
    assert.equal(
      (await fetch(`${base}/api/org/teams`, { headers: { authorization: "Bearer mlt_forged" } })).status,
      401,
    );
  });

  it("signs a viewer in (code flow with PKCE); a viewer reads but cannot trigger a sync", async () => {
    const vera = new Browser();
    const landed = await vera.login("vera");
    assert.equal(new URL(landed.url || base).origin, base);
    const session = vera.jar.get(new URL(base).host)?.get("mlteam_session");
    assert.ok(session, "a session cookie");
    const me = (await (await vera.fetch(`${base}/api/org/me`)).json()) as { actor: string; roles: string[] };
    assert.deepEqual(me.actor, "vera@acme.example");
    assert.deepEqual(me.roles, ["viewer"]);
    assert.equal((await vera.fetch(`${base}/api/org/teams`)).status, 200);
    const csrf = await vera.csrf();
    const sync = await vera.fetch(`${base}/api/org/sync`, {
      method: "POST",
      headers: { ...write, "x-csrf-token": csrf },
      body: "{}",
    });
    assert.equal(sync.status, 403);
    assert.match(((await sync.json()) as { error: string }).error, /needs the admin role/);
    assert.equal((await vera.fetch(`${base}/api/org/audit`)).status, 403);
  });

  it("an admin's sync needs the session's CSRF token, and the audit log shows it", async () => {
    const ada = new Browser();
    await ada.login("ada");
    const bare = await ada.fetch(`${base}/api/org/sync`, { method: "POST", headers: write, body: "{}" });
    assert.equal(bare.status, 403, "no CSRF token");
    const sync = await ada.fetch(`${base}/api/org/sync`, {
      method: "POST",
      headers: { ...write, "x-csrf-token": await ada.csrf() },
      body: "{}",
    });
    assert.equal(sync.status, 200);
    assert.equal(((await sync.json()) as unknown[]).length, 2);

    const otto = new Browser();
    await otto.login("otto");
    const log = (await (await otto.fetch(`${base}/api/org/audit`)).json()) as {
      actor: string;
      action: string;
    }[];
    assert.ok(log.some((e) => e.actor === "ada@acme.example" && e.action === "sync-requested"));
    assert.ok(log.some((e) => e.actor === "vera@acme.example" && e.action === "login"));
    const csv = await otto.fetch(`${base}/api/org/audit?format=csv`);
    assert.match(csv.headers.get("content-type") ?? "", /text\/csv/);
    assert.match(await csv.text(), /^at,actor,action,detail\n.*ada@acme\.example,sync-requested/ms);
    const exported = (await (await otto.fetch(`${base}/api/org/audit`)).json()) as {
      actor: string;
      action: string;
    }[];
    assert.ok(exported.some((e) => e.actor === "otto@acme.example" && e.action === "audit-exported"));
  });

  it("refuses a user who holds no role", async () => {
    const response = await new Browser().login("nobody");
    assert.equal(response.status, 403);
    assert.match(((await response.json()) as { error: string }).error, /holds no role/);
  });

  /** Signs `user` in; a function that sends a request with the session (and its CSRF token on writes). */
  async function signedIn(user: string) {
    const browser = new Browser();
    await browser.login(user);
    const csrf = await browser.csrf();
    return (path: string, init: RequestInit = {}) =>
      browser.fetch(`${base}${path}`, {
        ...init,
        headers: { ...(init.method ? { ...write, "x-csrf-token": csrf } : {}), ...init.headers },
      });
  }

  it("a role on one team, from the groups claim: that team only", async () => {
    const ada = await signedIn("ada");
    assert.equal((await ada("/api/org/sync", { method: "POST", body: "{}" })).status, 200);
    const tess = await signedIn("tess");
    const me = (await (await tess("/api/org/me")).json()) as { roles: string[]; grants: string[] };
    assert.deepEqual(me.grants, ["editor@meghan-story"]);
    assert.deepEqual(me.roles, []);
    const teams = (await (await tess("/api/org/teams")).json()) as { id: string }[];
    assert.deepEqual(
      teams.map((t) => t.id),
      ["meghan-story"],
    );
    assert.equal((await tess("/api/org/teams/meghan-story")).status, 200);
    assert.equal((await tess("/teams/meghan-story/api/model")).status, 200);
    assert.equal((await tess("/api/org/teams/central-platform")).status, 403);
    assert.equal((await tess("/teams/central-platform/api/model")).status, 403);
    assert.equal((await tess("/api/org/findings")).status, 403, "findings cross teams");
    const proposal = { activity: "define-business-problem", column: "tech-lead", letters: "A" };
    const own = await tess("/api/org/teams/meghan-story/proposals", {
      method: "POST",
      body: JSON.stringify(proposal),
    });
    assert.equal(own.status, 200, await own.clone().text());
    const other = await tess("/api/org/teams/central-platform/proposals", {
      method: "POST",
      body: JSON.stringify(proposal),
    });
    assert.equal(other.status, 403);
    const sync = await tess("/api/org/sync", {
      method: "POST",
      body: JSON.stringify({ teams: ["meghan-story"] }),
    });
    assert.equal(sync.status, 403, "an editor does not sync");
    const assign = await tess("/api/org/assignments", {
      method: "POST",
      body: JSON.stringify({ subject: "nobody@acme.example", grant: "viewer@meghan-story" }),
    });
    assert.equal(assign.status, 403, "an editor does not assign roles");
  });

  it("roles assigned by an admin: effective at the next request, removable, audited", async () => {
    assert.equal((await new Browser().login("nobody")).status, 403, "no role yet");
    const ada = await signedIn("ada");
    const assigned = await ada("/api/org/assignments", {
      method: "POST",
      body: JSON.stringify({ subject: "nobody@acme.example", grant: "admin@central-platform" }),
    });
    assert.equal(assigned.status, 201, await assigned.clone().text());
    const { id } = (await assigned.json()) as { id: string };
    const again = await ada("/api/org/assignments", {
      method: "POST",
      body: JSON.stringify({ subject: "nobody@acme.example", grant: "admin@central-platform" }),
    });
    assert.equal(again.status, 409);
    const unknown = await ada("/api/org/assignments", {
      method: "POST",
      body: JSON.stringify({ subject: "x@acme.example", grant: "viewer@no-such-team" }),
    });
    assert.equal(unknown.status, 404);
    const bad = await ada("/api/org/assignments", {
      method: "POST",
      body: JSON.stringify({ subject: "x@acme.example", grant: "owner" }),
    });
    assert.equal(bad.status, 400);

    const nobody = await signedIn("nobody");
    const teams = (await (await nobody("/api/org/teams")).json()) as { id: string }[];
    assert.deepEqual(
      teams.map((t) => t.id),
      ["central-platform"],
    );
    // A team's admin syncs that team and assigns roles on it, not beyond.
    const sync = await nobody("/api/org/sync", {
      method: "POST",
      body: JSON.stringify({ teams: ["central-platform"] }),
    });
    assert.equal(sync.status, 200);
    assert.equal((await nobody("/api/org/sync", { method: "POST", body: "{}" })).status, 403);
    const delegated = await nobody("/api/org/assignments", {
      method: "POST",
      body: JSON.stringify({ subject: "vera@acme.example", grant: "editor@central-platform" }),
    });
    assert.equal(delegated.status, 201);
    const beyond = await nobody("/api/org/assignments", {
      method: "POST",
      body: JSON.stringify({ subject: "vera@acme.example", grant: "editor@meghan-story" }),
    });
    assert.equal(beyond.status, 403);
    const listed = (await (await nobody("/api/org/assignments")).json()) as { grant: string }[];
    assert.ok(listed.every((a) => a.grant.endsWith("@central-platform")));

    const removed = await ada(`/api/org/assignments/${id}`, { method: "DELETE" });
    assert.equal(removed.status, 200);
    assert.equal((await nobody("/api/org/teams")).status, 403, "removed at once, same session");
    const actions = (await store.readAccessLog(200)).filter((e) => e.action.startsWith("role-"));
    assert.deepEqual(actions.map((e) => e.action).sort(), ["role-assigned", "role-assigned", "role-removed"]);
  });

  it("an organisation file naming a team that is not a source is refused, located", () => {
    const parsed = parseOrgConfig(
      join(scratch, "bad-org.yaml"),
      `name: Acme\nsources:\n  - repo: fraud\nauth:\n  issuer: https://id.example\n  clientId: x\n  publicUrl: https://org.example\n  roles: {}\n  teams:\n    frod: { viewer: [g] }\n`,
    );
    assert.ok(!parsed.ok);
    assert.match(
      parsed.diagnostics[0]?.message ?? "",
      /auth\.teams: no source has the id "frod" \(the ids are fraud\)/,
    );
    assert.equal(parsed.diagnostics[0]?.line, 10);
  });

  it("API tokens for CI: hashed at rest, scoped to roles, revocable", async () => {
    const ada = new Browser();
    await ada.login("ada");
    const csrf = await ada.csrf();
    const created = await ada.fetch(`${base}/api/org/tokens`, {
      method: "POST",
      headers: { ...write, "x-csrf-token": csrf },
      body: JSON.stringify({ name: "ci", roles: ["viewer"], expiresInDays: 30 }),
    });
    assert.equal(created.status, 201);
    const { id, token } = (await created.json()) as { id: string; token: string };
    assert.match(token, /^mlt_/);
    const listed = JSON.stringify(await (await ada.fetch(`${base}/api/org/tokens`)).json());
    assert.ok(!listed.includes(token), "the secret is never listed");
    const bearer = { authorization: `Bearer ${token}` };
    assert.equal((await fetch(`${base}/api/org/teams`, { headers: bearer })).status, 200);
    assert.equal(
      (await fetch(`${base}/api/org/sync`, { method: "POST", headers: { ...bearer, ...write }, body: "{}" }))
        .status,
      403,
    );
    const revoked = await ada.fetch(`${base}/api/org/tokens/${id}`, {
      method: "DELETE",
      headers: { ...write, "x-csrf-token": csrf },
    });
    assert.equal(revoked.status, 200);
    assert.equal((await fetch(`${base}/api/org/teams`, { headers: bearer })).status, 401);
    const actions = (await store.readAccessLog(100)).map((e) => e.action);
    assert.ok(actions.includes("token-created") && actions.includes("token-revoked"));
  });
  /** `user`'s /api/org/me after signing in at `at`, or the refusal's status and message. */
  async function whoIs(
    user: string,
    at = base,
  ): Promise<{ status: number; error?: string; actor?: string; roles?: string[] }> {
    const browser = new Browser();
    const landed = await browser.login(user, at);
    if (landed.status >= 400)
      return { status: landed.status, error: ((await landed.json()) as { error: string }).error };
    const me = await browser.fetch(`${at}/api/org/me`);
    return { status: me.status, ...((await me.json()) as { actor: string; roles: string[] }) };
  }

  /** The subject a login without a verified e-mail is known by: the provider's `sub` at this issuer. */
  const subForm = (sub: string) => `sub:${sub}@${new URL(issuer).host}`;

  it("an unverified e-mail equal to an assigned admin's borrows nothing; the same e-mail verified does", async () => {
    const ada = await signedIn("ada");
    const assigned = await ada("/api/org/assignments", {
      method: "POST",
      body: JSON.stringify({ subject: "boss@acme.example", grant: "admin" }),
    });
    assert.equal(assigned.status, 201, await assigned.clone().text());
    const { id } = (await assigned.json()) as { id: string };
    try {
      const mallory = await whoIs("mallory");
      assert.equal(mallory.status, 403, JSON.stringify(mallory));
      assert.match(mallory.error ?? "", new RegExp(`${subForm("mallory")} holds no role`));
      const log = await store.readAccessLog(20);
      assert.ok(
        !log.some((e) => e.action === "login" && e.actor === "boss@acme.example" && !e.detail.refused),
        "no session as boss",
      );
      // The provider now vouches for the address: it is boss's.
      (ACCOUNTS.mallory as { email_verified: boolean }).email_verified = true;
      const verified = await whoIs("mallory");
      assert.equal(verified.status, 200, JSON.stringify(verified));
      assert.equal(verified.actor, "boss@acme.example");
      assert.ok(verified.roles?.includes("admin"), JSON.stringify(verified));
    } finally {
      (ACCOUNTS.mallory as { email_verified: boolean }).email_verified = false;
      assert.equal((await ada(`/api/org/assignments/${id}`, { method: "DELETE" })).status, 200);
    }
  });

  it("preferred_username never names the user: equal to an assigned e-mail, it gives nothing", async () => {
    const ada = await signedIn("ada");
    const assigned = await ada("/api/org/assignments", {
      method: "POST",
      body: JSON.stringify({ subject: "boss@acme.example", grant: "admin" }),
    });
    assert.equal(assigned.status, 201);
    const { id } = (await assigned.json()) as { id: string };
    try {
      const pat = await whoIs("pat");
      assert.equal(pat.status, 403, JSON.stringify(pat));
      assert.match(pat.error ?? "", new RegExp(`${subForm("pat")} holds no role`));
    } finally {
      assert.equal((await ada(`/api/org/assignments/${id}`, { method: "DELETE" })).status, 200);
    }
  });

  it("roles assigned to the provider's subject (sub:<sub>@<issuer>): with or without an e-mail", async () => {
    const ada = await signedIn("ada");
    assert.equal((await whoIs("sol")).status, 403, "no role yet");
    const ids: string[] = [];
    for (const subject of [subForm("sol"), subForm("val")]) {
      const assigned = await ada("/api/org/assignments", {
        method: "POST",
        body: JSON.stringify({ subject, grant: "viewer" }),
      });
      assert.equal(assigned.status, 201, await assigned.clone().text());
      ids.push(((await assigned.json()) as { id: string }).id);
    }
    const sol = await whoIs("sol");
    assert.equal(sol.status, 200, JSON.stringify(sol));
    assert.equal(sol.actor, subForm("sol"));
    assert.deepEqual(sol.roles, ["viewer"]);
    // A verified e-mail too: the assignment to the subject is found, and is the session's subject.
    const val = new Browser();
    await val.login("val");
    const me = (await (await val.fetch(`${base}/api/org/me`)).json()) as { actor: string; roles: string[] };
    assert.equal(me.actor, subForm("val"));
    assert.deepEqual(me.roles, ["viewer"]);
    for (const id of ids)
      assert.equal((await ada(`/api/org/assignments/${id}`, { method: "DELETE" })).status, 200);
    assert.equal((await val.fetch(`${base}/api/org/teams`)).status, 403, "removed at once, same session");
  });

  it("an unverified e-mail is not used: the login is known by its subject, with its groups' roles", async () => {
    const una = await whoIs("una");
    assert.equal(una.status, 200, JSON.stringify(una));
    assert.equal(una.actor, subForm("una"));
    assert.deepEqual(una.roles, ["viewer"]);
  });

  it("requireVerifiedEmail: true refuses a login without a verified e-mail, and logs the refusal", async () => {
    for (const user of ["una", "sol"]) {
      const refused = await whoIs(user, strictBase);
      assert.equal(refused.status, 403, `${user}: ${JSON.stringify(refused)}`);
      assert.match(refused.error ?? "", /no verified e-mail/);
    }
    const log = await store.readAccessLog(20);
    const refusal = log.find((e) => e.action === "login" && e.actor === subForm("una"));
    assert.equal(refusal?.detail.refused, true);
    assert.equal(refusal?.detail.issuer, issuer);
    assert.equal(refusal?.detail.sub, "una");
    const vera = await whoIs("vera", strictBase);
    assert.equal(vera.status, 200, JSON.stringify(vera));
    assert.equal(vera.actor, "vera@acme.example");
    assert.deepEqual(vera.roles, ["viewer"]);
  });
});
