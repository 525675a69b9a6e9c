/** The head of a source read from the repository's files agrees with git, in every shape git leaves it. */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, it } from "node:test";
import { headOf } from "../../src/org/source-mirror.ts";

const scratch = mkdtempSync(join(tmpdir(), "mlteam-heads-"));
after(() => rmSync(scratch, { recursive: true, force: true }));
const git = (dir: string, ...args: string[]) =>
  spawnSync("git", ["-C", dir, ...args], {
    encoding: "utf8",
    env: { ...process.env, GIT_CONFIG_GLOBAL: "/dev/null", GIT_CONFIG_NOSYSTEM: "1" },
  }).stdout.trim();

it("reads HEAD and branches — loose, packed, detached, bare — as git does, and falls back to git otherwise", () => {
  const repo = join(scratch, "repo");
  git(scratch, "init", "-q", "-b", "main", repo);
  for (const n of [1, 2]) {
    writeFileSync(join(repo, "f"), `${n}\n`);
    git(repo, "add", "f");
    git(repo, "-c", "user.name=A", "-c", "user.email=a@x.org", "commit", "-qm", `c${n}`);
  }
  git(repo, "branch", "side", "HEAD~1");
  git(repo, "-c", "user.name=A", "-c", "user.email=a@x.org", "tag", "-a", "-m", "t", "v1", "HEAD~1");
  const check = (dir: string, ref: string) =>
    assert.equal(headOf(dir, ref), git(dir, "rev-parse", `${ref}^{commit}`), `${dir} ${ref}`);
  for (const ref of ["HEAD", "main", "side", "v1", "HEAD~1"]) check(repo, ref);
  git(repo, "pack-refs", "--all");
  for (const ref of ["HEAD", "main", "side", "v1"]) check(repo, ref);
  git(repo, "checkout", "-q", "--detach", "side");
  check(repo, "HEAD");
  const bare = join(scratch, "bare.git");
  git(scratch, "clone", "-q", "--bare", repo, bare);
  for (const ref of ["HEAD", "main", "side"]) check(bare, ref);
  assert.equal(headOf(repo, "no-such-branch"), undefined);
  assert.equal(headOf(repo, "--output=x"), undefined);
});
