/**
 * The local server cannot be driven by another web page: DNS rebinding (a foreign Host), cross-site
 * writes (a foreign Origin), oversized bodies, malformed addresses; its token is checked, its
 * responses forbid sniffing and framing, and no response carries the machine's absolute paths.
 */
import assert from "node:assert/strict";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { createApp } from "../src/server/app.ts";
import { TODAY } from "./helpers.ts";

const dir = mkdtempSync(join(tmpdir(), "mlteam-security-"));
const model = join(dir, "mlteam.yaml");
copyFileSync(join(import.meta.dirname, "..", "examples", "meghan-story", "mlteam.yaml"), model);
after(() => rmSync(dir, { recursive: true, force: true }));

const app = createApp({ modelPath: model, today: () => TODAY, host: "127.0.0.1", port: () => 4173 });
const at = (path: string, init: RequestInit = {}, host = "127.0.0.1:4173") =>
  app.request(`http://${host}${path}`, {
    ...init,
    headers: { host, ...(init.headers as Record<string, string>) },
  });

const cellEdit = async (extra: Record<string, string>) => {
  const etag = (await at("/api/model")).headers.get("etag") ?? "";
  return at("/api/raci/cell", {
    method: "PUT",
    headers: { "content-type": "application/json", "x-mlteam-request": "1", "if-match": etag, ...extra },
    body: JSON.stringify({ activity: "data-pipeline", column: "data-scientist", letters: "C" }),
  });
};

describe("the local server's defences", () => {
  it("refuses a NUL in an edit's body or the address with 400 naming the field, and leaves the model alone", async () => {
    const before = readFileSync(model, "utf8");
    const etag = (await at("/api/model")).headers.get("etag") ?? "";
    const edit = await at("/api/raci/cell", {
      method: "PUT",
      headers: { "content-type": "application/json", "x-mlteam-request": "1", "if-match": etag },
      body: JSON.stringify({ activity: "data-pipeline\u0000", column: "data-scientist", letters: "C" }),
    });
    assert.equal(edit.status, 400);
    assert.deepEqual(await edit.json(), {
      error: "body.activity (U+0000): control characters are not allowed",
    });
    assert.equal((await at("/api/raci?product=%00")).status, 400);
    assert.equal(readFileSync(model, "utf8"), before);
  });

  it("refuses a foreign Host (DNS rebinding) for reads and writes, and accepts its own names", async () => {
    const before = readFileSync(model, "utf8");
    assert.equal((await at("/api/model", {}, "evil.example.com:4173")).status, 421);
    const write = await at(
      "/api/raci/cell",
      {
        method: "PUT",
        headers: { "content-type": "application/json", "x-mlteam-request": "1", "if-match": "x" },
        body: "{}",
      },
      "evil.example.com:4173",
    );
    assert.equal(write.status, 421);
    assert.equal(readFileSync(model, "utf8"), before, "the file is untouched");
    assert.equal((await at("/", {}, "evil.example.com:4173")).status, 421, "the dashboard too");
    for (const host of ["127.0.0.1:4173", "localhost:4173", "[::1]:4173", "LOCALHOST:4173"])
      assert.equal((await at("/api/model", {}, host)).status, 200, host);
    assert.equal((await at("/api/model", {}, "127.0.0.1:9999")).status, 421, "another port");
  });

  it("refuses a write from another origin or a cross-site fetch, and accepts its own", async () => {
    assert.equal((await cellEdit({ origin: "http://evil.example.com" })).status, 403);
    assert.equal((await cellEdit({ "sec-fetch-site": "cross-site" })).status, 403);
    const own = await cellEdit({ origin: "http://127.0.0.1:4173" });
    assert.equal(own.status, 200, await own.clone().text());
  });

  it("compares the token in constant time and needs it on every API call", async () => {
    const locked = createApp({ modelPath: model, today: () => TODAY, token: "s3cret" });
    assert.equal((await locked.request("/api/model")).status, 401);
    assert.equal(
      (await locked.request("/api/model", { headers: { authorization: "Bearer s3cre" } })).status,
      401,
    );
    assert.equal(
      (await locked.request("/api/model", { headers: { authorization: "Bearer s3cret" } })).status,
      200,
    );
  });

  it("answers 413 to a body over 1 MB and 400 to a malformed percent-encoding", async () => {
    const big = await at("/api/raci/cell", {
      method: "PUT",
      headers: { "content-type": "application/json", "x-mlteam-request": "1", "if-match": "x" },
      body: JSON.stringify({ activity: "a".repeat(1_100_000), column: "x", letters: "" }),
    });
    assert.equal(big.status, 413);
    assert.equal((await at("/api/raci?product=%E0%A4%A")).status, 400);
    assert.equal((await at("/%E0%A4%A")).status, 400);
  });

  it("bounds what it echoes of a bad value", async () => {
    const long = "x".repeat(5000);
    const r = await at(`/api/raci?product=${long}`);
    assert.ok(r.status === 400 || r.status === 404);
    assert.ok((await r.text()).length < 600);
  });

  it("sends nosniff and forbids framing on every response", async () => {
    for (const path of ["/api/model", "/api/nope", "/"]) {
      const r = await at(path);
      assert.equal(r.headers.get("x-content-type-options"), "nosniff", path);
      assert.equal(r.headers.get("x-frame-options"), "DENY", path);
      assert.match(r.headers.get("content-security-policy") ?? "", /frame-ancestors 'none'/, path);
    }
  });

  it("never puts the machine's absolute paths in a response", async () => {
    for (const path of ["/api/model", "/api/findings", "/api/whatif?without=meghan", "/api/rank"]) {
      const text = await (await at(path)).text();
      assert.ok(!text.includes(dir), `${path} leaks ${dir}`);
    }
    const saved = (await (await cellEdit({})).json()) as { file: string };
    assert.equal(saved.file, "mlteam.yaml");
  });
});

describe("paths in the evidence route", () => {
  it("shows a sibling repository as the model wrote it, not as the machine's path", async () => {
    const { RepoBuilder } = await import("./evidence/repo-builder.ts");
    const root = mkdtempSync(join(tmpdir(), "mlteam-paths-"));
    try {
      const repo = new RepoBuilder(join(root, "platform"));
      repo.write("deploy/helm/values.yaml", "a: 1\n").commit({ name: "Ann Lee", email: "ann@x.org" });
      mkdirSync(join(root, "team"));
      writeFileSync(
        join(root, "team", "mlteam.yaml"),
        "organisation: { name: O, stage: starting }\npeople: [{ id: ann, name: Ann Lee, emails: [ann@x.org] }]\nevidence:\n  repositories: [{ path: ../platform }]\n",
      );
      const withRepo = createApp({ modelPath: join(root, "team", "mlteam.yaml"), today: () => TODAY });
      const text = await (await withRepo.request("/api/evidence")).text();
      assert.ok(!text.includes(root), text.slice(0, 400));
      assert.match(text, /\.\.\/platform/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
