/**
 * The organisation server's API tokens, sync answers and access log against the attacks of a
 * security review: tokens bounded by the token that created them (lifetime, roles, revocation), a
 * team admin managing the tokens of their team, a joined sync answering only the caller's teams,
 * each token its own actor, refusals logged, and CSV cells that cannot become formulas.
 */
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { parse } from "csv-parse/sync";
import { sha256 } from "../../src/app/org-secrets.ts";
import { parseOrgConfig } from "../../src/org/config.ts";
import type { OrgStore } from "../../src/org/store-port.ts";
import { renderAccessLogCsv } from "../../src/render/access-log-csv.ts";
import { createOrgApp } from "../../src/server/org/app.ts";
import { openOrgStore } from "../../src/store/org-store.ts";
import { TODAY } from "../helpers.ts";
import { teamRepo } from "./team-repos.ts";

const scratch = mkdtempSync(join(tmpdir(), "mlteam-org-access-"));
const NOW = "2026-11-30T12:00:00.000Z";
const ADMIN = "static-admin-secret";
const DAY = 86_400_000;

interface Created {
  id: string;
  token: string;
  expiresAt: string;
  roles: string[];
}

describe("organisation access after the security review", () => {
  let store: OrgStore;
  /** Holds the next full sync at its start until released. */
  let gate: Promise<void> | undefined;
  let app: ReturnType<typeof createOrgApp>["app"];
  let sync: ReturnType<typeof createOrgApp>["sync"];

  before(async () => {
    teamRepo(scratch, "meghan-story", "fraud");
    teamRepo(scratch, "central-platform", "platform");
    const parsed = parseOrgConfig(
      join(scratch, "mlteam-org.yaml"),
      "name: Acme ML\nsources:\n  - repo: fraud\n  - repo: platform\n",
    );
    assert.ok(parsed.ok, JSON.stringify(parsed));
    const real = await openOrgStore(join(scratch, "org.db"));
    store = real;
    // The same store, but a sync waits at its start while `gate` is pending.
    const gated = new Proxy(real, {
      get(target, key, receiver) {
        if (key === "removeTeamsExcept")
          return async (ids: readonly string[]) => {
            await gate;
            return target.removeTeamsExcept(ids);
          };
        const value = Reflect.get(target, key, receiver);
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
    ({ app, sync } = createOrgApp({
      store: gated,
      config: parsed.config,
      dataDir: scratch,
      today: () => TODAY,
      now: () => NOW,
      token: ADMIN,
    }));
  });

  after(async () => {
    await store.close();
    rmSync(scratch, { recursive: true, force: true });
  });

  const write = { "content-type": "application/json", "x-mlteam-request": "1" };
  const call = (secret: string, path: string, init: RequestInit = {}) =>
    app.request(`http://127.0.0.1${path}`, {
      ...init,
      headers: { authorization: `Bearer ${secret}`, ...(init.method ? write : {}), ...init.headers },
    });
  async function create(by: string, name: string, roles: string[], expiresInDays: number): Promise<Created> {
    const response = await call(by, "/api/org/tokens", {
      method: "POST",
      body: JSON.stringify({ name, roles, expiresInDays }),
    });
    assert.equal(response.status, 201, await response.clone().text());
    return (await response.json()) as Created;
  }
  const revoke = (by: string, id: string) => call(by, `/api/org/tokens/${id}`, { method: "DELETE" });
  const list = async (by: string) => {
    const response = await call(by, "/api/org/tokens");
    assert.equal(response.status, 200, await response.clone().text());
    return (await response.json()) as { id: string; name: string; parent?: string; revokedAt?: string }[];
  };

  it("a token created by a token expires no later than its creator", async () => {
    const parent = await create(ADMIN, "one-day", ["admin"], 1);
    assert.equal(parent.expiresAt, new Date(Date.parse(NOW) + DAY).toISOString());
    const child = await create(parent.token, "a-year", ["admin"], 365);
    assert.ok(child.expiresAt <= parent.expiresAt, `${child.expiresAt} after ${parent.expiresAt}`);
    // Created by the server's own admin (or a session): at most the longest lifetime, as asked.
    const long = await create(ADMIN, "long", ["viewer"], 365);
    assert.equal(long.expiresAt, new Date(Date.parse(NOW) + 365 * DAY).toISOString());
  });

  it("a token holds no role its creator does not hold", async () => {
    const team = await create(ADMIN, "fraud-admin", ["admin@fraud"], 30);
    for (const roles of [["admin"], ["viewer@platform"], ["auditor@fraud"]]) {
      const response = await call(team.token, "/api/org/tokens", {
        method: "POST",
        body: JSON.stringify({ name: "wider", roles, expiresInDays: 1 }),
      });
      assert.equal(response.status, 403, roles.join());
    }
  });

  it("revoking a token revokes what it created, transitively", async () => {
    const parent = await create(ADMIN, "parent", ["admin"], 30);
    const child = await create(parent.token, "child", ["admin"], 30);
    const grandchild = await create(child.token, "grandchild", ["viewer"], 30);
    const other = await create(ADMIN, "unrelated", ["viewer"], 30);
    assert.equal((await call(grandchild.token, "/api/org/teams")).status, 200);
    assert.equal((await revoke(ADMIN, parent.id)).status, 200);
    assert.equal((await call(child.token, "/api/org/teams")).status, 401);
    assert.equal((await call(grandchild.token, "/api/org/teams")).status, 401);
    assert.equal((await call(other.token, "/api/org/teams")).status, 200);
    const listed = await list(ADMIN);
    assert.equal(listed.find((t) => t.id === child.id)?.parent, parent.id);
    assert.ok(listed.find((t) => t.id === grandchild.id)?.revokedAt, "listed as revoked");
    // A token below a revoked one is refused even if it was not revoked with it (created meanwhile).
    const late = "mlt_created-while-its-parent-was-revoked";
    await store.saveToken({
      id: "00000000-0000-4000-8000-0000000000aa",
      name: "late",
      hash: sha256(late),
      roles: ["viewer"],
      createdBy: `token:${child.id} (child)`,
      parent: child.id,
      createdAt: NOW,
      expiresAt: child.expiresAt,
    });
    assert.equal((await call(late, "/api/org/teams")).status, 401);
    const revoked = (await store.readAccessLog(10_000)).find(
      (e) => e.action === "token-revoked" && e.detail.id === parent.id,
    );
    assert.deepEqual(revoked?.detail.cascade, [child.id, grandchild.id]);
  });

  it("a team admin lists and revokes the tokens of their team, and no others", async () => {
    const teamAdmin = await create(ADMIN, "fraud-lead", ["admin@fraud"], 30);
    const theirs = await create(teamAdmin.token, "fraud-ci", ["viewer@fraud"], 30);
    const byOrgAdmin = await create(ADMIN, "fraud-bot", ["editor@fraud"], 30);
    const foreign = await create(ADMIN, "platform-ci", ["viewer@platform"], 30);
    const orgWide = await create(ADMIN, "org-ci", ["viewer"], 30);
    const seen = (await list(teamAdmin.token)).map((t) => t.id);
    assert.ok(seen.includes(theirs.id) && seen.includes(byOrgAdmin.id) && seen.includes(teamAdmin.id));
    assert.ok(!seen.includes(foreign.id) && !seen.includes(orgWide.id), "only their team's tokens");
    assert.equal((await revoke(teamAdmin.token, theirs.id)).status, 200);
    assert.equal((await call(theirs.token, "/api/org/teams")).status, 401);
    assert.equal((await revoke(teamAdmin.token, foreign.id)).status, 404, "not theirs to see");
    assert.equal((await revoke(teamAdmin.token, orgWide.id)).status, 404);
    assert.equal((await call(foreign.token, "/api/org/teams")).status, 200);
    const viewer = await create(ADMIN, "reader", ["viewer@fraud"], 30);
    assert.equal((await call(viewer.token, "/api/org/tokens")).status, 403, "a viewer manages no tokens");
  });

  it("a team admin joining a running full sync is answered with their team only", async () => {
    const teamAdmin = await create(ADMIN, "fraud-syncer", ["admin@fraud"], 30);
    let release = () => {};
    gate = new Promise((resolve) => {
      release = resolve;
    });
    const full = sync();
    const joined = call(teamAdmin.token, "/api/org/sync", {
      method: "POST",
      body: JSON.stringify({ teams: ["fraud"] }),
    });
    // Let the request reach the running sync before it goes on.
    for (let i = 0; i < 100; i++) {
      const log = await store.readAccessLog(10_000);
      if (log.some((e) => e.action === "sync-requested" && e.actor.includes(teamAdmin.id))) break;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
    gate = undefined;
    release();
    const response = await joined;
    assert.equal(response.status, 200);
    const outcomes = (await response.json()) as { id: string }[];
    assert.deepEqual(
      outcomes.map((o) => o.id),
      ["fraud"],
    );
    assert.deepEqual((await full).map((o) => o.id).sort(), ["fraud", "platform"]);
  });

  it("a sync of other teams running is waited for, not joined", async () => {
    const teamAdmin = await create(ADMIN, "fraud-syncer-2", ["admin@fraud"], 30);
    let release = () => {};
    gate = new Promise((resolve) => {
      release = resolve;
    });
    const other = sync(["platform"]);
    const mine = call(teamAdmin.token, "/api/org/sync", {
      method: "POST",
      body: JSON.stringify({ teams: ["fraud"] }),
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    gate = undefined;
    release();
    const response = await mine;
    assert.equal(response.status, 200);
    assert.deepEqual(
      ((await response.json()) as { id: string }[]).map((o) => o.id),
      ["fraud"],
    );
    assert.deepEqual(
      (await other).map((o) => o.id),
      ["platform"],
    );
  });

  it("each token is its own actor in the log, even when two share a name", async () => {
    const one = await create(ADMIN, "deploy", ["viewer"], 30);
    const two = await create(ADMIN, "deploy", ["viewer"], 30);
    for (const t of [one, two]) {
      const response = await call(t.token, "/api/org/sync", { method: "POST", body: "{}" });
      assert.equal(response.status, 403);
    }
    const actors = new Set(
      (await store.readAccessLog(10_000)).filter((e) => e.action === "access-refused").map((e) => e.actor),
    );
    assert.ok(actors.has(`token:${one.id} (deploy)`), [...actors].join());
    assert.ok(actors.has(`token:${two.id} (deploy)`), [...actors].join());
  });

  it("a refusal (403, 401) is logged with the method and path attempted, never the secret", async () => {
    const viewer = await create(ADMIN, "looker", ["viewer"], 30);
    assert.equal((await call(viewer.token, "/api/org/audit")).status, 403);
    const forged = "mlt_forged-secret-value";
    assert.equal((await call(forged, "/api/org/teams")).status, 401);
    // (The clock stands still: find the entries by what they say, not by their order.)
    const log = await store.readAccessLog(10_000);
    const forbidden = log.find(
      (e) => e.action === "access-refused" && e.detail.status === 403 && e.detail.path === "/api/org/audit",
    );
    assert.equal(forbidden?.actor, `token:${viewer.id} (looker)`);
    assert.equal(forbidden?.detail.method, "GET");
    const unauthorised = log.find(
      (e) =>
        e.action === "access-refused" && e.detail.status === 401 && e.detail.credential === "unknown token",
    );
    assert.equal(unauthorised?.actor, "anonymous");
    assert.equal(unauthorised?.detail.method, "GET");
    assert.equal(unauthorised?.detail.path, "/api/org/teams");
    assert.ok(!JSON.stringify(log).includes(forged), "the token's value is not logged");
  });

  it("the CSV export neutralises cells a spreadsheet would take for a formula", async () => {
    // As a refused login by that name records it (src/app/org-sign-in.ts).
    await store.appendAccessLog({
      id: "00000000-0000-4000-8000-00000000cafe",
      at: "2026-11-30T11:00:00.000Z",
      actor: '=HYPERLINK("x")',
      action: "login",
      detail: { refused: true },
    });
    const response = await call(ADMIN, "/api/org/audit?format=csv&limit=10000");
    assert.equal(response.status, 200);
    const rows = parse(await response.text()) as string[][];
    assert.ok(
      rows.some((r) => r[1] === `'=HYPERLINK("x")`),
      "the formula is quoted",
    );
    assert.ok(
      rows.flat().every((cell) => !/^[=+\-@\t\r]/.test(cell)),
      "no cell starts a formula",
    );
    const cells = parse(
      renderAccessLogCsv(
        ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx", "plain", "a=b"].map((actor) => ({
          at: "t",
          actor,
          action: "login",
          detail: {},
        })),
      ),
    ) as string[][];
    assert.deepEqual(
      cells.slice(1).map((r) => r[1]),
      ["'=1+1", "'+1", "'-1", "'@SUM(A1)", "'\tx", "'\rx", "plain", "a=b"],
    );
  });
  it("refuses control characters (a NUL) in a body or the address with 400 naming the field, never the store's error", async () => {
    const named = await call(ADMIN, "/api/org/tokens", {
      method: "POST",
      body: JSON.stringify({ name: "ci\u0000x", roles: ["viewer"], expiresInDays: 1 }),
    });
    assert.equal(named.status, 400);
    assert.deepEqual(await named.json(), { error: "body.name (U+0000): control characters are not allowed" });
    const assigned = await call(ADMIN, "/api/org/assignments", {
      method: "POST",
      body: JSON.stringify({ subject: "ann@acme.example\n=cmd", grant: "viewer" }),
    });
    assert.equal(assigned.status, 400);
    assert.match(((await assigned.json()) as { error: string }).error, /body\.subject \(U\+000A\)/);
    const queried = await call(ADMIN, "/api/org/audit?limit=1%00");
    assert.equal(queried.status, 400);
    assert.match(((await queried.json()) as { error: string }).error, /control character \(U\+0000\)/);
  });
});
