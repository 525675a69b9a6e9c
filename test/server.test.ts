import assert from "node:assert/strict";
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { editRaciCell } from "../src/model/raci-edit.ts";
import { createApp } from "../src/server/app.ts";
import { TODAY } from "./helpers.ts";

const dir = mkdtempSync(join(tmpdir(), "mlteam-server-"));
after(() => rmSync(dir, { recursive: true, force: true }));
const model = join(dir, "mlteam.yaml");
copyFileSync("examples/meghan-story/mlteam.yaml", model);
const app = createApp({ modelPath: model, today: () => TODAY });
const secured = createApp({ modelPath: model, today: () => TODAY, token: "s3cret" });

const WRITE = { "content-type": "application/json", "x-mlteam-request": "1" };
const get = (path: string) => app.request(path);
const put = (body: unknown, headers: Record<string, string>) =>
  app.request("/api/raci/cell", {
    method: "PUT",
    headers: { ...WRITE, ...headers },
    body: JSON.stringify(body),
  });

describe("the HTTP API", () => {
  it("serves the model with an ETag, the findings with the score, and the RACI", async () => {
    const m = await get("/api/model");
    assert.equal(m.status, 200);
    const modelBody = (await m.json()) as { etag: string; people: { id: string }[] };
    assert.equal(m.headers.get("etag"), modelBody.etag);
    assert.deepEqual(
      modelBody.people.map((p) => p.id),
      ["meghan", "dan", "sofia", "paul"],
    );
    const f = (await (await get("/api/findings")).json()) as {
      findings: { ruleId: string }[];
      score: { overall: number };
    };
    assert.ok(f.findings.some((x) => x.ruleId === "risk/single-point-of-failure"));
    assert.equal(typeof f.score.overall, "number");
    const raci = (await (await get("/api/raci?by=person")).json()) as {
      by: string;
      columns: { id: string }[];
    };
    assert.equal(raci.by, "person");
    assert.ok(raci.columns.some((c) => c.id === "meghan"));
    assert.equal((await get("/api/raci?by=team")).status, 400);
    assert.equal((await get("/api/raci?product=nope")).status, 404);
  });

  it("what-if, the ranking, the catalog and the OpenAPI document", async () => {
    const w = (await (await get("/api/whatif?without=meghan")).json()) as {
      before: { overall: number };
      after: { overall: number };
    };
    assert.ok(w.after.overall < w.before.overall);
    assert.equal((await get("/api/whatif?without=megan")).status, 400);
    const r = (await (await get("/api/rank")).json()) as { ranking: { person: string }[] };
    assert.equal(r.ranking[0]?.person, "meghan");
    assert.ok(((await (await get("/api/catalog/roles")).json()) as unknown[]).length >= 25);
    assert.equal((await get("/api/catalog/teams")).status, 404);
    const doc = (await (await get("/api/openapi.json")).json()) as {
      openapi: string;
      paths: Record<string, unknown>;
      components: { schemas: { RaciCell: { required: string[] } } };
    };
    assert.equal(doc.openapi, "3.1.0");
    assert.ok(doc.paths["/api/raci/cell"]);
    assert.deepEqual(doc.components.schemas.RaciCell.required.sort(), ["activity", "column", "letters"]);
    assert.equal((await get("/api/nothing")).status, 404);
    const evidence = await get("/api/evidence");
    assert.equal(evidence.status, 404);
    assert.match(((await evidence.json()) as { error: string }).error, /lists no evidence\.repositories/);
    const svg = await get("/api/topology.svg");
    assert.equal(svg.headers.get("content-type"), "image/svg+xml; charset=utf-8");
    assert.match(await svg.text(), /^<svg xmlns/);
  });

  it("refuses a history period whose dates name no day, with the parameter and why", async () => {
    const impossible = await get("/api/history?since=2026-02-30");
    assert.equal(impossible.status, 400);
    assert.deepEqual(await impossible.json(), { error: "since: not a day of the calendar" });
    const shape = await get("/api/history?until=2026-13");
    assert.equal(shape.status, 400);
    assert.deepEqual(await shape.json(), { error: "until: a date written YYYY-MM-DD" });
  });

  it("edits a RACI cell in the YAML, keeping comments, and the findings follow", async () => {
    const etag = (await get("/api/model")).headers.get("etag") as string;
    const before = readFileSync(model, "utf8");
    const r = await put(
      { activity: "monitoring-setup", column: "person:dan", letters: "" },
      { "if-match": etag },
    );
    assert.equal(r.status, 200, await r.clone().text());
    const after = readFileSync(model, "utf8");
    assert.match(
      after,
      /# "Meghan is our MLOps girl, she's running that stuff\." \(002\)/,
      "the header comment is kept",
    );
    assert.match(
      after,
      /A: data-scientist # two people hold the role: who answers for it\?/,
      "inline comments are kept",
    );
    assert.match(
      after,
      /- activity: monitoring-setup\n {4}R: meghan\n {4}A: \[meghan\] # two Accountables\n/,
    );
    const changed = before.split("\n").filter((line, i) => line !== after.split("\n")[i]);
    assert.deepEqual(changed, ["    A: [meghan, dan] # two Accountables"], "only the edited line changes");
    const findings = (await (await get("/api/findings")).json()) as {
      findings: { ruleId: string; message: string }[];
    };
    assert.ok(
      !findings.findings.some((f) => f.ruleId === "raci/single-accountable"),
      "the two-Accountables finding is gone",
    );
  });

  it("adds a row for an activity that has none", async () => {
    const etag = (await get("/api/model")).headers.get("etag") as string;
    const r = await put(
      { activity: "experiment-tracking", column: "data-scientist", letters: "R/A" },
      { "if-match": etag },
    );
    assert.equal(r.status, 200);
    assert.match(
      readFileSync(model, "utf8"),
      /- activity: experiment-tracking\n {4}R: data-scientist\n {4}A: data-scientist\n/,
    );
  });

  it("refuses a stale edit with 409, and one without If-Match with 428", async () => {
    const etag = (await get("/api/model")).headers.get("etag") as string;
    writeFileSync(model, `${readFileSync(model, "utf8")}# edited by hand meanwhile\n`);
    const stale = await put(
      { activity: "ci-cd-pipeline", column: "dan", letters: "C" },
      { "if-match": etag },
    );
    assert.equal(stale.status, 409);
    assert.match(((await stale.json()) as { error: string }).error, /changed since you loaded it/);
    assert.match(readFileSync(model, "utf8"), /# edited by hand meanwhile\n$/, "nothing was overwritten");
    assert.equal((await put({ activity: "ci-cd-pipeline", column: "dan", letters: "C" }, {})).status, 428);
  });

  it("validates every input and refuses cross-site writes", async () => {
    const etag = (await get("/api/model")).headers.get("etag") as string;
    const bad = await put({ activity: "ci-cd-pipeline", column: "dan", letters: "X" }, { "if-match": etag });
    assert.equal(bad.status, 400);
    assert.match(((await bad.json()) as { error: string }).error, /letters/);
    assert.equal(
      (await put({ activity: "nope", column: "dan", letters: "C" }, { "if-match": etag })).status,
      404,
    );
    assert.equal(
      (await put({ activity: "ci-cd-pipeline", column: "person:nobody", letters: "C" }, { "if-match": etag }))
        .status,
      404,
    );
    const form = await app.request("/api/raci/cell", {
      method: "PUT",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "a=1",
    });
    assert.equal(form.status, 415);
    const noHeader = await app.request("/api/raci/cell", {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: "{}",
    });
    assert.equal(noHeader.status, 403);
  });

  it("asks for the token when it has one", async () => {
    assert.equal((await secured.request("/api/model")).status, 401);
    assert.equal(
      (await secured.request("/api/model", { headers: { authorization: "Bearer s3cret" } })).status,
      200,
    );
  });
});

describe("RACI cell edits in YAML: adding a row", () => {
  it("keeps the comment on a letter's line when a second holder turns it into a list", () => {
    const text = "raci:\n  - activity: x\n    R: ds\n    A: ds # two people hold the role\n    C: io\n";
    assert.equal(
      editRaciCell(text, 0, { activity: "x", column: "tl", letters: ["A"] }),
      "raci:\n  - activity: x\n    R: ds\n    A: [ds, tl] # two people hold the role\n    C: io\n",
    );
  });

  it("adds the raci section, appends to a block list, and rewrites an empty or flow list", () => {
    assert.equal(
      editRaciCell("# c\norganisation: { name: O, stage: starting } # x\npeople: []\n", undefined, {
        activity: "a1",
        column: "r1",
        letters: ["R", "A"],
      }),
      "# c\norganisation: { name: O, stage: starting } # x\npeople: []\nraci:\n  - activity: a1\n    R: r1\n    A: r1\n",
    );
    assert.equal(
      editRaciCell("organisation: { name: O, stage: starting }\nraci: []\n", undefined, {
        activity: "a1",
        column: "r1",
        letters: ["C"],
      }),
      "organisation: { name: O, stage: starting }\nraci: [{activity: a1, C: r1}]\n",
    );
    assert.equal(
      editRaciCell("raci:\n  - activity: z\n    R: q\n# trailing comment\n", undefined, {
        activity: "a1",
        product: "p",
        column: "r1",
        letters: ["I"],
      }),
      "raci:\n  - activity: z\n    R: q\n  - activity: a1\n    product: p\n    I: r1\n# trailing comment\n",
    );
  });
});

describe("RACI cell edits in YAML", () => {
  const text = "# head\nraci:\n  - { activity: x, R: a, A: a } # keep\n  - activity: y\n    R: [a, b]\n";
  it("sets, moves and clears letters in flow and block rows", () => {
    assert.equal(
      editRaciCell(text, 0, { activity: "x", column: "b", letters: ["C"] }),
      "# head\nraci:\n  - { activity: x, R: a, A: a, C: b } # keep\n  - activity: y\n    R: [a, b]\n",
    );
    assert.equal(
      editRaciCell(text, 1, { activity: "y", column: "b", letters: ["A"] }),
      "# head\nraci:\n  - { activity: x, R: a, A: a } # keep\n  - activity: y\n    R: [a]\n    A: b\n",
    );
    assert.equal(
      editRaciCell(text, 0, { activity: "x", column: "a", letters: [] }),
      "# head\nraci:\n  - { activity: x } # keep\n  - activity: y\n    R: [a, b]\n",
    );
  });
});

describe("the evidence route", () => {
  it("mines the repositories the model lists and reports per activity", async () => {
    const { RepoBuilder } = await import("./evidence/repo-builder.ts");
    const root = mkdtempSync(join(tmpdir(), "mlteam-server-evidence-"));
    try {
      const repo = new RepoBuilder(join(root, "platform"));
      repo.write(".github/workflows/ci.yml", "on: push\n");
      repo.commit({ name: "Ann Lee", email: "ann@x.org" });
      writeFileSync(
        join(root, "mlteam.yaml"),
        "organisation: { name: O, stage: starting }\npeople: [{ id: ann, name: Ann Lee, emails: [ann@x.org] }]\nevidence:\n  repositories: [{ path: platform }]\n",
      );
      const withRepo = createApp({ modelPath: join(root, "mlteam.yaml"), today: () => TODAY });
      const r = await withRepo.request("/api/evidence");
      assert.equal(r.status, 200, await r.clone().text());
      const body = (await r.json()) as {
        report: { activities: { activity: string; truckFactor: { removed: string[] } }[] };
      };
      assert.deepEqual(
        body.report.activities.map((a) => [a.activity, a.truckFactor.removed]),
        [["ci-cd-pipeline", ["ann"]]],
      );
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
