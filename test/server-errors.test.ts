/** The servers' error edge: an application error answers with its status; anything else never shows its text. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Hono } from "hono";
import { ConflictError, ForbiddenError } from "../src/app/errors.ts";
import { errorResponse } from "../src/server/errors.ts";

function appThrowing(error: unknown, logged: string[]) {
  const app = new Hono();
  app.onError((e, c) =>
    errorResponse(
      e,
      c,
      (text) => text,
      (line) => logged.push(line),
    ),
  );
  app.get("/x", () => {
    throw error;
  });
  return app;
}

describe("the HTTP error edge", () => {
  it("answers an application error with its kind's status and message", async () => {
    for (const [error, status] of [
      [new ConflictError("changed"), 409],
      [new ForbiddenError("not yours"), 403],
    ] as const) {
      const response = await appThrowing(error, []).request("/x");
      assert.equal(response.status, status);
      assert.deepEqual(await response.json(), { error: error.message });
    }
  });

  it("never puts a database's or a bug's text in the response: a request id there, the detail in the log", async () => {
    const logged: string[] = [];
    const failure = new Error('invalid byte sequence for encoding "UTF8": 0x00 in relation org_teams');
    const response = await appThrowing(failure, logged).request("/x");
    assert.equal(response.status, 500);
    const body = (await response.json()) as { error: string };
    assert.doesNotMatch(body.error, /UTF8|relation|0x00/);
    const id = /request ([0-9a-f]{8})/.exec(body.error)?.[1];
    assert.ok(id, body.error);
    assert.equal(logged.length, 1);
    assert.match(logged[0] ?? "", new RegExp(`request ${id}\\) on GET /x: Error: invalid byte sequence`));
  });
});
