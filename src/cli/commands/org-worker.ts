import type { Command } from "commander";
import { InputError } from "../../app/errors.ts";
import type { OrgCommandOptions } from "../../app/org-setup.ts";
import { out } from "../io.ts";
import { today } from "../today.ts";

interface OrgWorkerOptions extends OrgCommandOptions {
  concurrency: string;
}

/** `mlteam org worker`: takes sync jobs from the PostgreSQL queue until stopped. */
export async function orgWorker(options: OrgWorkerOptions): Promise<void> {
  const concurrency = Number.parseInt(options.concurrency, 10);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64)
    throw new InputError(`--concurrency must be 1–64, got "${options.concurrency}"`);
  const { databaseLabel, openOrganisation, openQueue, sharesWorkThroughQueue, syncTeam } = await import(
    "../../app/org-setup.ts"
  );
  const { closeOnSignal } = await import("../signals.ts");
  const setup = await openOrganisation(options, process.env.MLTEAM_DATABASE_URL);
  if (!sharesWorkThroughQueue(setup)) {
    await setup.store.close();
    throw new InputError(
      "a worker shares the work through PostgreSQL: give --db postgres://… (or MLTEAM_DATABASE_URL); with the embedded store, `org serve` syncs by itself",
    );
  }
  const queue = await openQueue(setup.database);
  await queue.work(concurrency, syncTeam(setup, { today, now: () => new Date().toISOString() }));
  out(
    `mlteam org worker: taking sync jobs of ${setup.config.name} from ${databaseLabel(setup)} (${concurrency} at a time)`,
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
