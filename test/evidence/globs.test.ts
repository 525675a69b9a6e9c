import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { test } from "node:test";
import picomatch from "picomatch";
import { BUILTIN_PATTERNS } from "../../src/catalog/activity-paths.ts";
import { anyGlob, globRegExp } from "../../src/evidence/globs.ts";
import { DEFAULT_BOTS } from "../../src/evidence/identities.ts";

const ROOT = new URL("../..", import.meta.url).pathname;
// Paths of a real tree (this repository's), and shapes it lacks: dot folders, deep and generated paths.
const PATHS = [
  ...execFileSync("git", ["-C", ROOT, "ls-files"], { encoding: "utf8" }).split("\n").filter(Boolean),
  ".github/workflows/ci.yml",
  ".azuredevops/pipelines/deploy.yml",
  "backend/api/v2beta1/go_http_client/run_service/run_service_client.go",
  "sdk/python/kfp/dsl/pipeline_task.py",
  "frontend/src/components/Graph.test.tsx",
  "docs/conf.py",
  "charts/app/templates/deployment.yaml",
  "infra/main.tf",
  "notebooks/01-explore.ipynb",
  "Dockerfile",
  "a/b/.hidden/c.py",
  "vendor/github.com/x/y.go",
];

test("a glob's regular expression answers as picomatch's matcher, for every built-in pattern on real paths", () => {
  let checked = 0;
  for (const [, patterns] of BUILTIN_PATTERNS)
    for (const pattern of patterns) {
      const matcher = picomatch(pattern, { dot: true });
      const regex = globRegExp(pattern);
      for (const path of PATHS) {
        assert.equal(regex.test(path), matcher(path), `${pattern} on ${path}`);
        checked++;
      }
    }
  assert.ok(checked > 10_000, `only ${checked} checks`);
});

test("a list of globs is one alternation: bots match case-blind, as before", () => {
  const isBot = anyGlob(
    DEFAULT_BOTS.map((b) => b.toLowerCase()),
    { nocase: true },
  );
  const matcher = picomatch(
    DEFAULT_BOTS.map((b) => b.toLowerCase()),
    { nocase: true, dot: true },
  );
  for (const text of [
    "dependabot[bot]",
    "github-actions[bot]",
    "kubernetes prow robot",
    "copilot",
    "kubeflow-pipeline-bot@google.com",
    "ada lovelace",
    "noreply@github.com",
    "49699333+dependabot[bot]@users.noreply.github.com",
  ])
    assert.equal(isBot(text), matcher(text), text);
  assert.equal(isBot("dependabot[bot]"), true);
  assert.equal(isBot("ada lovelace"), false);
  assert.equal(anyGlob([])("anything"), false);
});
