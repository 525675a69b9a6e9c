/**
 * `mlteam evidence` leaves nothing in the work tree of a repository it reads: without a model the
 * store goes to the user's cache folder ($XDG_CACHE_HOME/mlteam, else ~/.cache/mlteam); with a
 * model, to `.mlteam/` in the model's folder — even when that folder is inside the repository.
 * Runs the command from its sources (tsx), with HOME and XDG_CACHE_HOME pointed at a scratch folder.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { storePath } from "../../src/app/evidence.ts";
import { userCacheDir } from "../../src/cli/cache-dir.ts";
import { RepoBuilder } from "./repo-builder.ts";

const MAIN = join(import.meta.dirname, "..", "..", "src", "cli", "main.ts");
const TSX = import.meta.resolve("tsx");
const ann = { name: "Ann Lee", email: "ann@x.org" };

const scratch = mkdtempSync(join(tmpdir(), "mlteam-no-litter-"));
after(() => process.env.KEEP || rmSync(scratch, { recursive: true, force: true }));

const repo = new RepoBuilder(join(scratch, "their-repo"));
repo.write("serve/app.py").commit(ann);
repo.write("train.py").commit(ann);

/** Runs `mlteam evidence …` from `cwd` with its own HOME and, when given, XDG_CACHE_HOME. */
function evidence(args: string[], cwd: string, home: string, xdgCache?: string) {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: "1", MLTEAM_TODAY: "2026-12-01", HOME: home };
  delete env.XDG_CACHE_HOME;
  if (xdgCache !== undefined) env.XDG_CACHE_HOME = xdgCache;
  const r = spawnSync(process.execPath, ["--import", TSX, MAIN, "evidence", ...args, "--format", "json"], {
    cwd,
    encoding: "utf8",
    env,
  });
  assert.equal(r.status, 0, r.stderr);
  assert.ok(JSON.parse(r.stdout).report.repositories[0].files >= 2, r.stdout);
}

const status = () => repo.git("status", "--porcelain", "--untracked-files=all");

describe("the evidence store never litters the analysed repository", () => {
  it("without a model, run inside the repository, goes to ~/.cache/mlteam", () => {
    const home = mkdtempSync(join(scratch, "home-"));
    evidence(["--repo", "."], repo.dir, home);
    assert.equal(status(), "");
    assert.equal(existsSync(join(repo.dir, ".mlteam")), false);
    assert.ok(existsSync(join(home, ".cache", "mlteam", "evidence.db")));
  });

  it("without a model, run from elsewhere, goes to $XDG_CACHE_HOME/mlteam", () => {
    const home = mkdtempSync(join(scratch, "home-"));
    const cache = mkdtempSync(join(scratch, "xdg-"));
    const cwd = mkdtempSync(join(scratch, "cwd-"));
    evidence(["--repo", repo.dir], cwd, home, cache);
    assert.equal(status(), "");
    assert.ok(existsSync(join(cache, "mlteam", "evidence.db")));
    assert.equal(existsSync(join(cwd, ".mlteam")), false);
    assert.equal(existsSync(join(home, ".cache")), false);
  });

  it("with a model elsewhere, goes beside the model", () => {
    const home = mkdtempSync(join(scratch, "home-"));
    const team = mkdtempSync(join(scratch, "team-"));
    writeFileSync(join(team, "mlteam.yaml"), "organisation: { name: Acme, stage: scaling }\n");
    evidence([join(team, "mlteam.yaml"), "--repo", repo.dir], repo.dir, home);
    assert.equal(status(), "");
    assert.ok(existsSync(join(team, ".mlteam", "evidence.db")));
    assert.equal(existsSync(join(home, ".cache")), false);
  });

  it("with a model inside the repository, stays beside the model (the repository's .gitignore decides)", () => {
    const home = mkdtempSync(join(scratch, "home-"));
    mkdirSync(join(repo.dir, "team"));
    writeFileSync(join(repo.dir, "team", "mlteam.yaml"), "organisation: { name: Acme, stage: scaling }\n");
    repo.commit(ann, "add the model");
    evidence(["team/mlteam.yaml", "--repo", "."], repo.dir, home);
    assert.ok(existsSync(join(repo.dir, "team", ".mlteam", "evidence.db")));
    assert.equal(existsSync(join(repo.dir, ".mlteam")), false);
    assert.equal(existsSync(join(home, ".cache")), false);
    assert.match(status(), /^\?\? team\/\.mlteam\//m);
  });
});

describe("where the store goes", () => {
  it("is the user's cache folder without a model: XDG_CACHE_HOME when absolute, else ~/.cache", () => {
    assert.equal(userCacheDir({ XDG_CACHE_HOME: "/c" }, "/h"), "/c/mlteam");
    assert.equal(userCacheDir({}, "/h"), "/h/.cache/mlteam");
    assert.equal(userCacheDir({ XDG_CACHE_HOME: "" }, "/h"), "/h/.cache/mlteam");
    assert.equal(userCacheDir({ XDG_CACHE_HOME: "rel" }, "/h"), "/h/.cache/mlteam");
    assert.equal(storePath(undefined, "/c/mlteam"), "/c/mlteam/evidence.db");
  });
});
