import type { Command } from "commander";
import { InputError } from "../../app/errors.ts";
import type { OrgCommandOptions } from "../../app/org-setup.ts";
import { CommandFailed } from "../exit.ts";
import { out } from "../io.ts";
import { checkedDate, format } from "../options.ts";
import { today } from "../today.ts";

interface OrgSyncOptions extends OrgCommandOptions {
  format: "text" | "json";
  team?: string[];
  since?: string;
}

/** `mlteam org sync`: one pass over the sources; exit 1 when one failed or is invalid. */
export async function orgSync(options: OrgSyncOptions): Promise<void> {
  const { syncOrganisation } = await import("../../app/org-sync.ts");
  const { openOrganisation } = await import("../../app/org-setup.ts");
  // A malformed organisation file is an InvalidModelError, reported at the CLI's edge (cli/main.ts).
  if (options.since !== undefined) checkedDate("--since", options.since);
  const setup = await openOrganisation(options, process.env.MLTEAM_DATABASE_URL);
  const { config, store, dataDir } = setup;
  try {
    if (options.team)
      for (const id of options.team)
        if (!config.sources.some((s) => s.id === id))
          throw new InputError(
            `no source "${id}" in ${options.config} (sources: ${config.sources.map((s) => s.id).join(", ")})`,
          );
    const outcomes = await syncOrganisation({
      config,
      store,
      dataDir,
      today: today(),
      now: () => new Date().toISOString(),
      ...(options.team ? { only: options.team } : {}),
      ...(options.since ? { since: options.since } : {}),
    });
    if (options.format === "json")
      out(JSON.stringify({ valid: true, organisation: config.name, outcomes }, null, 2));
    else {
      for (const o of outcomes)
        out(
          `${o.status.padEnd(9)} ${o.id.padEnd(24)} ${(o.commit ?? "").slice(0, 10).padEnd(10)}${o.reason ? `  ${o.reason}` : ""}`,
        );
      const count = (s: string) => outcomes.filter((o) => o.status === s).length;
      out(
        `${config.name}: ${outcomes.length} sources — ${count("synced")} synced, ${count("unchanged")} unchanged, ${count("failed")} failed`,
      );
    }
    if (outcomes.some((o) => o.status === "failed" || o.reason)) throw new CommandFailed("findings");
  } finally {
    await store.close();
  }
}

export function register(org: Command): void {
  org
    .command("sync")
    .description(
      "read every team's model at its branch head from git, check it as `mlteam doctor` does, keep a snapshot",
    )
    .option("-c, --config <file>", "the organisation file", "mlteam-org.yaml")
    .option(
      "--db <url>",
      "postgres://… or a SQLite file (default: the organisation file's, else .mlteam-org/org.db)",
    )
    .option("--team <id...>", "sync only these sources")
    .option(
      "--since <date>",
      "on a team's first sync, backfill its history only from model commits on or after this day (YYYY-MM-DD; default: every commit)",
    )
    .addOption(format(["text", "json"], "text"))
    .addHelpText(
      "after",
      `
A team's first sync backfills its history: one snapshot per commit that changed its model (bounded by
--since), so its trend starts where the model started. A team whose head and context did not move is skipped; a source that fails (repository missing, branch gone, model
invalid) is reported with the reason and never stops the others. Remote repositories are mirrored
(bare) into .mlteam-org/repos/ beside the organisation file; credentials come from the environment
or your git credential helper.
Exit codes: 0 every source synced or unchanged, 1 a source failed or its model is invalid,
2 a malformed organisation file or a database that cannot be opened.
Examples:
  mlteam org sync
  mlteam org sync --config org/mlteam-org.yaml --db postgres://mlteam@db/mlteam --format json`,
    )
    .action(async (options: OrgSyncOptions) => orgSync(options));
}
