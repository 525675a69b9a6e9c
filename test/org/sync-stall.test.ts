/**
 * A remote that accepts and never answers must not freeze the organisation server: its syncs run in
 * worker threads (src/app/org-sync-threads.ts, used by `org serve` with the embedded store), so
 * requests are answered meanwhile, and the stalled source delays only itself.
 */
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { stalledOrganisation } from "./team-repos.ts";

const scratch = mkdtempSync(join(tmpdir(), "mlteam-stall-"));
after(() => rmSync(scratch, { recursive: true, force: true }));

describe("a sync whose remote stalls", () => {
  it("leaves the server answering while it waits, and delays only its own team", async () => {
    const { app, sync, store, stuck, hangUp } = await stalledOrganisation(scratch);
    const syncing = sync();
    await stuck();
    // Requests are answered while git waits on the remote: the sync is still running after all of them
    // (a sync in the server's own thread would hold every request until git gives up). The latency
    // figures are in bench/org/stall.ts (p99 with a stalled sync beside p99 without one).
    let finished = false;
    void syncing.then(() => {
      finished = true;
    });
    for (let i = 0; i < 100; i++) {
      const response = await app.request("http://127.0.0.1/api/org/teams");
      assert.equal(response.status, 200);
      await response.arrayBuffer();
    }
    assert.equal(finished, false, "the requests were answered while the sync was stalled");
    // The other team is synced while the stalled one still waits.
    let fraud = (await store.teams()).find((t) => t.id === "fraud");
    for (let i = 0; i < 300 && !fraud?.head; i++) {
      await new Promise((done) => setTimeout(done, 50));
      fraud = (await store.teams()).find((t) => t.id === "fraud");
    }
    assert.ok(fraud?.head, "the fraud team synced beside the stalled one");
    // The remote hangs up: the stalled source fails with git's reason, and the sync ends.
    hangUp();
    const outcomes = await syncing;
    assert.deepEqual(
      outcomes.map((o) => [o.id, o.status]),
      [
        ["fraud", "synced"],
        ["stalled", "failed"],
      ],
    );
    await store.close();
  });
});
