/**
 * One contract for the organisation store, run against both engines: the embedded SQLite file and
 * a PostgreSQL cluster started for the test. The same queries must give the same answers.
 */
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import type { TeamSnapshot } from "../../src/org/snapshot.ts";
import type { OrgStore } from "../../src/org/store-port.ts";
import { openOrgStore } from "../../src/store/org-store.ts";
import { startPostgres, type TestPostgres } from "./postgres.ts";

const snapshot = (teamId: string, commit: string, committedAt: string, score: number): TeamSnapshot => ({
  teamId,
  commit,
  committedAt,
  syncedAt: "2026-11-30T10:00:00.000Z",
  name: `Team ${teamId}`,
  valid: true,
  score,
  counts: { error: 1, warn: 2, info: 3 },
  findings: [
    { ruleId: "risk/single-point-of-failure", severity: "warn", message: "m", subject: "ana", fix: "f" },
  ],
  diagnostics: [],
  people: [{ id: "ana", name: "Ana", key: "email:ana@x.org", allocation: 60, capacity: 100 }],
  singlePointsOfFailure: ["ana"],
  files: { "mlteam.yaml": `# ${teamId} at ${commit}\npeople: []\n` },
  evidenceReport: {
    activities: [],
    repositories: [],
    unclassified: 3,
    unmatched: [{ id: "bo <bo@x.org>", seen: ["bo <bo@x.org>"] }],
    windowStart: "2025-12",
    coAuthors: false,
    identities: { merged: [], excluded: [] },
    inactive: [],
  },
});

function contract(name: string, open: () => Promise<OrgStore>): void {
  describe(`organisation store: ${name}`, () => {
    let store: OrgStore;
    before(async () => {
      store = await open();
    });
    after(async () => {
      await store.close();
    });

    it("keeps teams and their last sync's outcome, upserting by id", async () => {
      await store.saveTeam({ id: "b", repo: "/r/b", model: "mlteam.yaml", branch: "HEAD", checkedAt: "t1" });
      await store.saveTeam({
        id: "a",
        repo: "/r/a",
        model: "m.yaml",
        branch: "main",
        head: "c1",
        checkedAt: "t1",
      });
      await store.saveTeam({
        id: "b",
        repo: "/r/b",
        model: "mlteam.yaml",
        branch: "HEAD",
        error: "gone",
        checkedAt: "t2",
      });
      assert.deepEqual(
        (await store.teams()).map((t) => [t.id, t.head ?? null, t.error ?? null, t.checkedAt]),
        [
          ["a", "c1", null, "t1"],
          ["b", null, "gone", "t2"],
        ],
      );
      assert.equal((await store.team("a"))?.model, "m.yaml");
      assert.equal(await store.team("zz"), undefined);
    });

    it("keeps snapshots by commit, one per commit, and a team's history oldest change first", async () => {
      await store.saveSnapshot(snapshot("a", "c2", "2026-11-02T00:00:00Z", 70));
      await store.saveSnapshot(snapshot("a", "c1", "2026-11-01T00:00:00Z", 99));
      // The same commit checked again (another source it reads moved) replaces the first check.
      await store.saveSnapshot(snapshot("a", "c1", "2026-11-01T00:00:00Z", 60));
      assert.equal(await store.hasSnapshot("a", "c1"), true);
      assert.equal(await store.hasSnapshot("a", "c3"), false);
      assert.deepEqual(await store.snapshot("a", "c1"), snapshot("a", "c1", "2026-11-01T00:00:00Z", 60));
      // The model's files come with one snapshot, not with the lists the views read.
      assert.ok(
        (await store.history("a")).every((s) => s.files === undefined && s.evidenceReport === undefined),
      );
      assert.deepEqual(
        (await store.history("a")).map((s) => [s.commit, s.score]),
        [
          ["c1", 60],
          ["c2", 70],
        ],
      );
    });

    it("gives every team with its current snapshot in one query, and a revision that moves on each write", async () => {
      const before = await store.revision();
      await store.saveTeam({
        id: "a",
        repo: "/r/a",
        model: "m.yaml",
        branch: "main",
        head: "c2",
        checkedAt: "t3",
      });
      const after = await store.revision();
      assert.notEqual(after, before);
      assert.equal(await store.revision(), after);
      assert.deepEqual(
        (await store.current()).map((r) => [
          r.team.id,
          r.snapshot?.commit ?? null,
          r.snapshot?.score ?? null,
        ]),
        [
          ["a", "c2", 70],
          ["b", null, null],
        ],
      );
      assert.ok(
        (await store.current()).every(
          (r) => r.snapshot?.files === undefined && r.snapshot?.evidenceReport === undefined,
        ),
      );
    });

    it("keeps role assignments once per subject and grant, and removes them by id", async () => {
      const a = {
        id: "00000000-0000-4000-8000-000000000001",
        subject: "ann@acme.example",
        grant: "editor@b",
        assignedBy: "admin@acme.example",
        assignedAt: "2026-11-30T10:00:00.000Z",
      };
      assert.equal(await store.assign(a), true);
      assert.equal(await store.assign({ ...a, id: "00000000-0000-4000-8000-000000000002" }), false);
      await store.assign({ ...a, id: "00000000-0000-4000-8000-000000000003", grant: "viewer" });
      await store.assign({ ...a, id: "00000000-0000-4000-8000-000000000004", subject: "bo@acme.example" });
      assert.deepEqual(
        (await store.assignments("ann@acme.example")).map((x) => x.grant),
        ["editor@b", "viewer"],
      );
      assert.equal((await store.assignments()).length, 3);
      assert.deepEqual(await store.unassign(a.id), a);
      assert.equal(await store.unassign(a.id), undefined);
      assert.deepEqual(
        (await store.assignments("ann@acme.example")).map((x) => x.grant),
        ["viewer"],
      );
    });

    it("keeps API tokens with the token that created them; revoking one revokes its descendants", async () => {
      const token = (n: number, parent?: number) => ({
        id: `00000000-0000-4000-8000-0000000001${String(n).padStart(2, "0")}`,
        name: n === 2 ? "same" : `t${n}`,
        hash: `hash-${n}`,
        roles: ["viewer"],
        createdBy: parent === undefined ? "ada@acme.example" : `token:${parent}`,
        createdAt: `2026-11-30T10:00:0${n}.000Z`,
        expiresAt: "2026-12-30T10:00:00.000Z",
        ...(parent !== undefined
          ? { parent: `00000000-0000-4000-8000-0000000001${String(parent).padStart(2, "0")}` }
          : {}),
      });
      // 1 ← 2 ← 3, 1 ← 4; 5 stands alone.
      const saved = [token(1), token(2, 1), token(3, 2), token(4, 1), token(5)];
      for (const t of saved) await store.saveToken(t);
      assert.deepEqual(await store.token(saved[2]?.id ?? ""), saved[2]);
      assert.deepEqual(await store.tokenByHash("hash-1"), saved[0]);
      assert.equal(await store.token("00000000-0000-4000-8000-000000000999"), undefined);
      assert.deepEqual(await store.tokens(), saved);
      // Revoking 2 revokes 3; revoking 1 then revokes what is still live: 1 and 4.
      assert.deepEqual(await store.revokeToken(saved[1]?.id ?? "", "2026-11-30T11:00:00.000Z"), [
        saved[1]?.id,
        saved[2]?.id,
      ]);
      assert.deepEqual(await store.revokeToken(saved[0]?.id ?? "", "2026-11-30T12:00:00.000Z"), [
        saved[0]?.id,
        saved[3]?.id,
      ]);
      assert.deepEqual(await store.revokeToken(saved[0]?.id ?? "", "2026-11-30T13:00:00.000Z"), []);
      assert.deepEqual(await store.revokeToken("00000000-0000-4000-8000-000000000999", "x"), []);
      const after = await store.tokens();
      assert.deepEqual(
        after.map((t) => t.revokedAt ?? null),
        [
          "2026-11-30T12:00:00.000Z",
          "2026-11-30T11:00:00.000Z",
          "2026-11-30T11:00:00.000Z",
          "2026-11-30T12:00:00.000Z",
          null,
        ],
      );
    });

    it("drops the teams no longer listed, with their snapshots", async () => {
      await store.removeTeamsExcept(["b"]);
      assert.deepEqual(
        (await store.teams()).map((t) => t.id),
        ["b"],
      );
      assert.deepEqual(await store.history("a"), []);
      assert.equal(await store.ping(), true);
    });
  });
}

const folder = mkdtempSync(join(tmpdir(), "mlteam-org-store-"));
after(() => rmSync(folder, { recursive: true, force: true }));
contract("embedded SQLite", () => openOrgStore(join(folder, "org.db")));

let postgres: TestPostgres | undefined;
after(async () => {
  await postgres?.stop();
});
contract("PostgreSQL", async () => {
  postgres = await startPostgres();
  return openOrgStore(postgres.url);
});
