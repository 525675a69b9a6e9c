/**
 * Access to the organisation server with OpenID Connect, against a real provider started in the
 * test (the `oidc-provider` package): login with PKCE, roles from the groups claim, server-side
 * sessions with CSRF on writes, API tokens (hashed, scoped, expiring, revocable), and the audit log.
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
  nobody: ["marketing"],
};

/** The user the provider signs in next (the test's stand-in for typing a name into a login form). */
let nextUser = "ada";
let provider: Server;
let issuer = "";
let mlteam: ReturnType<typeof serve>;
let base = "";
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
  async login(user: string): Promise<Response> {
    nextUser = user;
    return this.fetch(`${base}/auth/login`);
  }
  async csrf(): Promise<string> {
    return ((await (await this.fetch(`${base}/api/org/me`)).json()) as { csrf: string }).csrf;
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
      ],
      claims: { openid: ["sub"], email: ["email"], profile: ["name", "groups"] },
      conformIdTokenClaims: false,
      features: { devInteractions: { enabled: false } },
      interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
      findAccount: (_ctx, sub) => ({
        accountId: sub,
        claims: () => ({ sub, email: `${sub}@acme.example`, name: sub, groups: GROUPS[sub] ?? [] }),
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
        const grant = new oidc.Grant({ accountId: details.session?.accountId as string, clientId: "mlteam" });
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
  });

  after(async () => {
    mlteam.close();
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
    const actions = (await store.auditLog(100)).map((e) => e.action);
    assert.ok(actions.includes("token-created") && actions.includes("token-revoked"));
  });
});
