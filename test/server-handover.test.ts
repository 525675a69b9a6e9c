/**
 * The dashboard's handover routes in-process: GET /api/handover/{person} answers what `mlteam
 * handover --format json` does; POST …/apply writes it with a current ETag, refuses a stale one
 * (412, nothing written), and an unknown person is a 404 with "did you mean".
 */
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { planHandover } from "../src/app/handover.ts";
import { fsHost } from "../src/io/fs-host.ts";
import { renderHandoverJson } from "../src/render/handover-json.ts";
import { createApp } from "../src/server/app.ts";
import { HandoverApplied, HandoverView } from "../src/server/contract.ts";
import { TODAY } from "./helpers.ts";

const dir = mkdtempSync(join(tmpdir(), "mlteam-server-handover-"));
after(() => rmSync(dir, { recursive: true, force: true }));
cpSync(join(import.meta.dirname, "fixtures", "handover"), dir, { recursive: true });
const model = join(dir, "mlteam.yaml");
const people = join(dir, "people.yaml");
// The fixture lists a repository the handover tests make; here the history is left out.
const noEvidence = async () => ({ warnings: [] });
const options = { modelPath: model, today: () => TODAY, gatherEvidence: noEvidence };
const app = createApp(options);
const secured = createApp({ ...options, token: "s3cret" });

const WRITE = { "content-type": "application/json", "x-mlteam-request": "1" };
const apply = (person: string, headers: Record<string, string>) =>
  app.request(`/api/handover/${person}/apply`, {
    method: "POST",
    headers: { ...WRITE, ...headers },
    body: "{}",
  });
const files = () => ({ main: readFileSync(model, "utf8"), people: readFileSync(people, "utf8") });

describe("GET /api/handover/{person}", () => {
  it("answers the handover as mlteam handover --format json does, with the model's ETag", async () => {
    const r = await app.request("/api/handover/omar");
    assert.equal(r.status, 200, await r.clone().text());
    const body = HandoverView.parse(await r.json());
    const etag = (await app.request("/api/model")).headers.get("etag");
    assert.equal(r.headers.get("etag"), etag);
    const cli = await planHandover({
      entry: model,
      person: "omar",
      date: TODAY,
      host: fsHost,
      gatherEvidence: noEvidence,
    });
    // The same answer as the CLI's, paths under the model's folder made relative (as in every response).
    const json = renderHandoverJson(cli.report).split(`${dir}/`).join("");
    assert.deepEqual(body, JSON.parse(json), "the same answer as the CLI");
    const pipeline = body.responsibilities.find((x) => x.kind === "raci" && x.activity === "data-pipeline");
    assert.ok(pipeline?.successor, "the data pipeline has a successor");
    assert.ok(pipeline.successor.reasons.length > 0);
    assert.ok(body.resolvedFindings.length + body.newFindings.length > 0);
    assert.deepEqual(body.files, ["mlteam.yaml"]);
  });

  it("takes `to` and `date`, and says what is wrong with them", async () => {
    const to = HandoverView.parse(await (await app.request("/api/handover/omar?to=priya")).json());
    assert.ok(
      to.responsibilities.filter((x) => x.changes.length > 0).every((x) => x.successor?.id === "priya"),
    );
    const later = await app.request("/api/handover/omar?date=2027-01-10");
    assert.equal(((await later.json()) as { date: string }).date, "2027-01-10");
    const bad = await app.request("/api/handover/omar?date=2026-02-30");
    assert.equal(bad.status, 400);
    assert.match(
      ((await bad.json()) as { error: string }).error,
      /date: 2026-02-30 is not a day of the calendar/,
    );
    assert.equal((await app.request("/api/handover/omar?to=omar")).status, 400);
  });

  it("answers 404 with the closest ids for an unknown person", async () => {
    const r = await app.request("/api/handover/omr");
    assert.equal(r.status, 404);
    assert.match(((await r.json()) as { error: string }).error, /no person "omr".*did you mean "omar"/);
    const to = await app.request("/api/handover/omar?to=pryia");
    assert.equal(to.status, 404);
  });

  it("follows the API's access rules: the token, and JSON with X-MLTeam-Request for the write", async () => {
    assert.equal((await secured.request("/api/handover/omar")).status, 401);
    const ok = await secured.request("/api/handover/omar", { headers: { authorization: "Bearer s3cret" } });
    assert.equal(ok.status, 200);
    const etag = (await app.request("/api/model")).headers.get("etag") as string;
    const form = await app.request("/api/handover/omar/apply", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", "if-match": etag },
    });
    assert.equal(form.status, 415);
    const noHeader = await app.request("/api/handover/omar/apply", {
      method: "POST",
      headers: { "content-type": "application/json", "if-match": etag },
      body: "{}",
    });
    assert.equal(noHeader.status, 403);
  });

  it("is in the OpenAPI document", async () => {
    const doc = (await (await app.request("/api/openapi.json")).json()) as {
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
    };
    assert.ok(doc.paths["/api/handover/{person}"]?.get);
    assert.ok(doc.paths["/api/handover/{person}/apply"]?.post?.responses["412"]);
  });
});

describe("POST /api/handover/{person}/apply", () => {
  it("refuses without If-Match (428) and with a stale ETag (412), writing nothing", async () => {
    const before = files();
    assert.equal((await apply("omar", {})).status, 428);
    const stale = await apply("omar", { "if-match": '"0123456789abcdef0123456789abcdef"' });
    assert.equal(stale.status, 412);
    assert.match(((await stale.json()) as { error: string }).error, /changed since you loaded/);
    // A version that was current, then edited by someone else.
    const etag = (await app.request("/api/handover/omar")).headers.get("etag") as string;
    writeFileSync(model, `${before.main}# edited in an editor\n`);
    assert.equal((await apply("omar", { "if-match": etag })).status, 412);
    writeFileSync(model, before.main);
    assert.deepEqual(files(), before, "nothing written");
    assert.equal((await apply("omr", { "if-match": etag })).status, 404);
  });

  it("writes the handover with the current ETag, keeping comments, and answers the new version", async () => {
    const before = files();
    const planned = await app.request("/api/handover/omar");
    const etag = planned.headers.get("etag") as string;
    const plan = HandoverView.parse(await planned.json());
    const r = await apply("omar", { "if-match": etag });
    assert.equal(r.status, 200, await r.clone().text());
    const body = HandoverApplied.parse(await r.json());
    assert.deepEqual(body.applied, ["mlteam.yaml"]);
    assert.deepEqual(body.handover, plan, "what was shown is what was written");
    assert.notEqual(body.etag, etag);
    assert.equal(r.headers.get("etag"), body.etag);
    assert.equal((await app.request("/api/model")).headers.get("etag"), body.etag);
    const after = files();
    assert.equal(after.people, before.people, "the person's own entry is not changed");
    assert.match(after.main, /R: sam # built the first DAGs/);
    assert.match(after.main, /# Omar signs off every release/);
    assert.equal(body.diff.score.before, plan.scoreBefore);
    assert.equal(body.diff.score.after, plan.scoreAfter);
    const again = HandoverView.parse(await (await app.request("/api/handover/omar")).json());
    assert.ok(
      again.responsibilities.filter((x) => x.kind === "raci").length <
        plan.responsibilities.filter((x) => x.kind === "raci").length,
    );
    assert.equal((await apply("omar", { "if-match": etag })).status, 412, "the old ETag is stale now");
  });
});
