import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { parse } from "yaml";

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
