import type { Command } from "commander";
import { register as registerAudit } from "./org-audit.ts";
import { register as registerDoctor } from "./org-doctor.ts";
import { register as registerExport } from "./org-export.ts";
import { register as registerServe } from "./org-serve.ts";
import { register as registerSync } from "./org-sync.ts";
import { register as registerWorker } from "./org-worker.ts";

/** `mlteam org …`: every team's model of an organisation in one place. */
export function register(program: Command): void {
  const org = program
    .command("org")
    .description("gather every team's model of an organisation (mlteam-org.yaml): sync snapshots, serve them")
    .addHelpText(
      "after",
      `
The organisation file lists the team models (docs/org.md):
  name: Acme ML
  sources:
    - { repo: ../fraud-team }                       # a local repository, mlteam.yaml at its top
    - { id: search, repo: https://git.example/search.git, model: team/mlteam.yaml, branch: main }`,
    );
  registerDoctor(org);
  registerExport(org);
  registerAudit(org);
  registerSync(org);
  registerServe(org);
  registerWorker(org);
}
