import type { Command } from "commander";
import { InputError } from "../../app/errors.ts";
import { out } from "../io.ts";
import type { OrgCommandOptions } from "../org-context.ts";

interface OrgWorkerOptions extends OrgCommandOptions {
  concurrency: string;
}

/** `mlteam org worker`: takes sync jobs from the PostgreSQL queue until stopped. */
export async function orgWorker(options: OrgWorkerOptions): Promise<void> {
  const concurrency = Number.parseInt(options.concurrency, 10);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64)
    throw new InputError(`--concurrency must be 1–64, got "${options.concurrency}"`);
  const { closeOnSignal, openOrganisation, openQueue, syncTeam } = await import("../org-context.ts");
  const { isPostgresUrl, redact } = await import("../../org/database-url.ts");
  const setup = await openOrganisation(options);
  if (!isPostgresUrl(setup.database)) {
    await setup.store.close();
    throw new InputError(
      "a worker shares the work through PostgreSQL: give --db postgres://… (or MLTEAM_DATABASE_URL); with the embedded store, `org serve` syncs by itself",
    );
  }
  const queue = await openQueue(setup.database);
  await queue.work(concurrency, syncTeam(setup));
  out(
    `mlteam org worker: taking sync jobs of ${setup.config.name} from ${redact(setup.database)} (${concurrency} at a time)`,
  );
  closeOnSignal(async () => {
    await queue.stop();
    await setup.store.close();
  });
}

export function register(org: Command): void {
  org
    .command("worker")
    .description(
      "take sync jobs from the organisation's PostgreSQL queue (run as many as you like, anywhere)",
    )
    .option("-c, --config <file>", "the organisation file", "mlteam-org.yaml")
    .option("--db <url>", "postgres://… (or MLTEAM_DATABASE_URL, or the organisation file's `database`)")
    .option("--concurrency <n>", "jobs taken at once", "1")
    .addHelpText(
      "after",
      `
Each job syncs one team (read its model at its branch head, check it, keep a snapshot). Stop with
Ctrl-C or SIGTERM: the job in hand is finished first. See docs/deploy.md.
Example:
  mlteam org worker --db postgres://mlteam@db.example.com/mlteam --concurrency 2`,
    )
    .action(async (options: OrgWorkerOptions) => orgWorker(options));
}
