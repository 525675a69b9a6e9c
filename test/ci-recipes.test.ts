import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { parse } from "yaml";
import { DIFF_MARKER } from "../src/render/diff.ts";

const doc = readFileSync(join(import.meta.dirname, "..", "docs", "ci.md"), "utf8");

/** The YAML block after `<!-- recipe: name -->`, parsed strictly. */
function recipe(name: string): Record<string, unknown> {
  const match = new RegExp(`<!-- recipe: ${name} -->\\n\`\`\`yaml\\n([\\s\\S]*?)\`\`\``).exec(doc);
  assert.ok(match, `docs/ci.md has the ${name} recipe`);
  return parse(match[1] as string, { strict: true, uniqueKeys: true }) as Record<string, unknown>;
}

describe("the CI recipes in docs/ci.md", () => {
  it("GitHub Actions: runs the doctor, uploads SARIF with security-events permission", () => {
    const workflow = recipe("github-actions") as {
      on: object;
      permissions: Record<string, string>;
      jobs: Record<
        string,
        { "runs-on": string; steps: { uses?: string; run?: string; with?: Record<string, unknown> }[] }
      >;
    };
    assert.ok(workflow.on);
    assert.equal(workflow.permissions["security-events"], "write");
    const steps = workflow.jobs.doctor?.steps ?? [];
    assert.ok(steps.some((s) => s.run?.includes("mlteam doctor") && s.run.includes("--format sarif")));
    const upload = steps.find((s) => s.uses?.startsWith("github/codeql-action/upload-sarif"));
    assert.equal(upload?.with?.sarif_file, "mlteam.sarif");
    for (const s of steps)
      assert.ok(s.uses !== undefined || s.run !== undefined, "every step uses an action or runs a command");
  });

  it("GitHub Actions diff: on pull requests, full history, one comment updated by its marker, the gate kept", () => {
    const workflow = recipe("github-actions-diff") as {
      on: { pull_request?: object };
      permissions: Record<string, string>;
      jobs: Record<
        string,
        { steps: { id?: string; uses?: string; run?: string; if?: string; with?: Record<string, unknown> }[] }
      >;
    };
    assert.ok(workflow.on.pull_request);
    assert.equal(workflow.permissions["pull-requests"], "write");
    const steps = workflow.jobs.diff?.steps ?? [];
    assert.equal(steps[0]?.with?.["fetch-depth"], 0, "the base branch's history is there for the merge base");
    const diff = steps.find((s) => s.id === "diff");
    assert.match(
      diff?.run ?? "",
      /mlteam diff "origin\/\$\{\{ github\.base_ref \}\}\.\.\.HEAD" --format markdown/,
    );
    const script = String(steps.find((s) => s.uses?.startsWith("actions/github-script"))?.with?.script ?? "");
    assert.ok(script.includes(DIFF_MARKER), "finds its own comment by the marker mlteam diff writes");
    assert.match(script, /updateComment[\s\S]*createComment/);
    assert.ok(steps.at(-1)?.if?.includes("steps.diff.outputs.status"), "the job fails when the diff does");
  });

  it("GitLab CI diff: on merge requests, one note updated by its marker", () => {
    const job = recipe("gitlab-ci-diff")["mlteam-diff"] as {
      script: string[];
      rules: { if: string }[];
      variables: Record<string, string>;
    };
    assert.match(job.rules[0]?.if ?? "", /merge_request_event/);
    assert.equal(job.variables.GIT_DEPTH, "0");
    assert.ok(
      job.script.some(
        (l) => l.includes("mlteam diff") && l.includes("...HEAD") && l.includes("--format markdown"),
      ),
    );
    assert.ok(job.script.some((l) => l.includes(DIFF_MARKER)));
    assert.equal(job.script.at(-1), "exit $status");
  });

  it("GitLab CI: a job with a script that runs the doctor", () => {
    const job = recipe("gitlab-ci")["mlteam-doctor"] as { script: string[]; image: string };
    assert.ok(job.image.startsWith("node:"));
    assert.ok(job.script.some((line) => line.includes("mlteam doctor")));
  });

  it("pre-commit: a local hook that validates the model", () => {
    const config = recipe("pre-commit") as {
      repos: { repo: string; hooks: { id: string; entry: string; language: string; files: string }[] }[];
    };
    const hook = config.repos[0]?.hooks[0];
    assert.equal(config.repos[0]?.repo, "local");
    assert.match(hook?.entry ?? "", /mlteam validate$/);
    assert.equal(hook?.language, "system");
    assert.ok(new RegExp(hook?.files ?? "^$").test("mlteam.yaml"));
    assert.ok(new RegExp(hook?.files ?? "^$").test("team/people.yml"));
  });
});
