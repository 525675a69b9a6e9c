/**
 * The organisation server proposes a person's handover for a synced team as a patch of its YAML
 * (POST /api/org/teams/{id}/proposals/handover): what `mlteam handover --apply` would write, taken
 * by `git apply`, nothing saved.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { planHandover } from "../../src/app/handover.ts";
import { syncOrganisation } from "../../src/app/org-sync.ts";
import { fsHost } from "../../src/io/fs-host.ts";
import { parseOrgConfig } from "../../src/org/config.ts";
import { createOrgApp } from "../../src/server/org/app.ts";
import { openOrgStore } from "../../src/store/org-store.ts";
import { TODAY } from "../helpers.ts";
import { git, teamRepo } from "./team-repos.ts";

const scratch = mkdtempSync(join(tmpdir(), "mlteam-org-handover-"));
after(() => rmSync(scratch, { recursive: true, force: true }));

describe("a handover proposed on the organisation server", () => {
  const fraud = teamRepo(scratch, "meghan-story", "fraud");
  const now = () => "2026-11-30T12:00:00.000Z";

  it("answers the patch of the team's YAML that --apply would write; git apply takes it", async () => {
    const parsed = parseOrgConfig(
      join(scratch, "mlteam-org.yaml"),
      "name: Acme ML\nsources:\n  - repo: fraud\n",
    );
    assert.ok(parsed.ok);
    const store = await openOrgStore(join(scratch, "org.db"));
    try {
      await syncOrganisation({ config: parsed.config, store, dataDir: scratch, today: TODAY, now });
      const { app } = createOrgApp({
        store,
        config: parsed.config,
        dataDir: scratch,
        today: () => TODAY,
        now,
      });
      const propose = (body: object, team = "fraud") =>
        app.request(`http://127.0.0.1/api/org/teams/${team}/proposals/handover`, {
          method: "POST",
          headers: { "content-type": "application/json", "x-mlteam-request": "1" },
          body: JSON.stringify(body),
        });
      const before = readFileSync(join(fraud, "mlteam.yaml"), "utf8");
      const response = await propose({ person: "meghan", to: "dan" });
      assert.equal(response.status, 200, await response.clone().text());
      assert.match(response.headers.get("content-disposition") ?? "", /fraud-handover-meghan\.patch/);
      const patch = await response.text();
      assert.match(patch, /^diff --git a\/mlteam\.yaml b\/mlteam\.yaml$/m);
      assert.equal(readFileSync(join(fraud, "mlteam.yaml"), "utf8"), before, "nothing is written");
      const check = spawnSync("git", ["-C", fraud, "apply", "--check", "-"], {
        input: patch,
        encoding: "utf8",
      });
      assert.equal(check.status, 0, check.stderr);
      spawnSync("git", ["-C", fraud, "apply", "-"], { input: patch });
      const plan = await planHandover({
        entry: join(fraud, "mlteam.yaml"),
        person: "meghan",
        to: "dan",
        date: TODAY,
        host: { ...fsHost, readFile: (p) => (p.endsWith("mlteam.yaml") ? before : fsHost.readFile(p)) },
      });
      assert.equal(
        readFileSync(join(fraud, "mlteam.yaml"), "utf8"),
        plan.edits[0]?.after,
        "as --apply writes it",
      );
      git(fraud, "checkout", "--", "mlteam.yaml");
      // Nobody suitable takes over what Meghan holds: nothing to propose, said as such.
      const nothing = await propose({ person: "meghan" });
      assert.equal(nothing.status, 400);
      assert.match(((await nothing.json()) as { error: string }).error, /nothing to propose/);
      const unknown = await propose({ person: "megan" });
      assert.equal(unknown.status, 404);
      assert.match(((await unknown.json()) as { error: string }).error, /did you mean "meghan"/);
      assert.equal((await propose({ person: "meghan", date: "2026-02-30" })).status, 400);
      assert.equal((await propose({ person: "meghan" }, "nope")).status, 404);
      assert.ok((await store.readAccessLog(10)).some((e) => e.action === "change-proposed"));
      // The team's read-only pages plan the handover from the snapshot; applying it is not there.
      const planned = await app.request("http://127.0.0.1/teams/fraud/api/handover/meghan?to=dan");
      assert.equal(planned.status, 200, await planned.clone().text());
      const view = (await planned.json()) as { person: string; files: string[] };
      assert.deepEqual([view.person, view.files], ["meghan", ["mlteam.yaml"]]);
      const applied = await app.request("http://127.0.0.1/teams/fraud/api/handover/meghan/apply", {
        method: "POST",
        headers: { "content-type": "application/json", "x-mlteam-request": "1", "if-match": '"x"' },
        body: "{}",
      });
      assert.equal(applied.status, 404);
    } finally {
      await store.close();
    }
  });
});
