/** Decisions placed in a team: what-if hires ROLE@TEAM, recommendations for one team, CODEOWNERS of one team. */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { checkTeam, requireValid } from "../src/app/check-team.ts";
import { exportOrganisation } from "../src/app/org-export.ts";
import { recommendForTeam } from "../src/app/recommend.ts";
import { runWhatIf } from "../src/app/what-if.ts";
import { fsHost } from "../src/io/fs-host.ts";
import { TODAY } from "./helpers.ts";
import { BIN, commit, git } from "./org/team-repos.ts";

const CENTRAL = join(import.meta.dirname, "..", "examples", "central-platform", "mlteam.yaml");
const checked = async () =>
  requireValid(await checkTeam(CENTRAL, { host: fsHost, today: TODAY, evidence: "never" }));
const cli = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8" });

describe("decisions placed in a team", () => {
  it("what-if places a ROLE@TEAM hire in that team: its product rows count the new person, an unplaced hire does not", async () => {
    const check = await checked();
    const placed = runWhatIf(check, { add: ["ml-engineer@ds-fraud"] });
    assert.deepEqual(
      placed.hires.map((h) => [h.role, h.team]),
      [["ml-engineer", "ds-fraud"]],
    );
    const named = (r: typeof placed) =>
      r.findings.some(
        (f) => /New ML engineer.*\(hypothetical\)/.test(f.message) && /product fraud/.test(f.message),
      );
    assert.equal(named(placed), true);
    assert.equal(named(runWhatIf(check, { add: ["ml-engineer"] })), false);
    assert.throws(
      () => runWhatIf(check, { add: ["ml-engineer@fraud"] }),
      /unknown team "fraud" in "ml-engineer@fraud" \(the model.s teams: platform, ds-fraud, ds-pricing\)/,
    );
  });

  it("recommends hires for one team, placed in it; an unknown team is an input error naming it", async () => {
    const check = await checked();
    const { result } = recommendForTeam(check, 1, "ds-fraud");
    assert.equal(result.team, "ds-fraud");
    assert.equal(result.hires.length, 1);
    assert.throws(() => recommendForTeam(check, 1, "nope"), /unknown team "nope"/);
  });

  it("exit 2 names an unknown team in whatif, recommend and export", () => {
    for (const args of [
      ["whatif", CENTRAL, "--add", "ml-engineer@fruad"],
      ["recommend", CENTRAL, "--team", "fruad"],
      ["export", CENTRAL, "--format", "codeowners", "--team", "fruad"],
    ]) {
      const run = cli(...args);
      assert.equal(run.status, 2, args.join(" "));
      assert.match(run.stderr, /unknown team "fruad"/);
      assert.doesNotMatch(run.stderr, /\n\s+at /);
    }
  });

  it("writes each team's CODEOWNERS of the organisation: its people and those serving it, never another team's", async () => {
    const scratch = mkdtempSync(join(tmpdir(), "mlteam-org-export-"));
    try {
      cpSync(join(import.meta.dirname, "fixtures", "org-three"), scratch, { recursive: true });
      for (const team of ["platform", "fraud", "recs"]) {
        git(join(scratch, team), "init", "-q", "-b", "main");
        commit(join(scratch, team), "the team model");
      }
      const out = join(scratch, "out");
      const outcomes = await exportOrganisation({
        config: join(scratch, "mlteam-org.yaml"),
        format: "codeowners",
        out,
        today: TODAY,
      });
      assert.deepEqual(
        outcomes.map((o) => o.team),
        ["platform", "fraud", "recs"],
      );
      const file = (team: string) => readFileSync(join(out, team, "CODEOWNERS"), "utf8");
      // The platform serves fraud: fraud's files may be owned by the platform, the platform's never by fraud.
      assert.doesNotMatch(file("platform"), /@northpeak\/fraud-ml/);
      assert.match(file("fraud"), /^\S+ @northpeak\/fraud-ml$/m);
      assert.match(file("fraud"), /@northpeak\/ml-platform/);
      assert.doesNotMatch(file("recs"), /@northpeak\/fraud-ml/);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });
});
