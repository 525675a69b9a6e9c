import type { Command } from "commander";
import { InputError } from "../../app/errors.ts";
import type { OrgCommandOptions, OrgSetup } from "../../app/org-setup.ts";
import { out } from "../io.ts";
import { isLoopback } from "../loopback.ts";
import { today } from "../today.ts";

interface OrgServeOptions extends OrgCommandOptions {
  port: string;
  host: string;
  token?: string;
  sync: boolean;
  workers: string;
  behindTlsProxy?: boolean;
}

/**
 * What serving needs besides the organisation: off loopback a login or a token, and TLS in front; a
 * plain-http public URL only on this machine; the login's client secret. Closes the store when refused.
 */
async function servingChecks(
  setup: OrgSetup,
  options: OrgServeOptions,
  token: string | undefined,
): Promise<string | undefined> {
  const { config } = setup;
  try {
    if (!isLoopback(options.host) && !token && !config.auth)
      throw new InputError(
        `serving on ${options.host} (not loopback) needs a login (\`auth:\` in ${options.config}) or a token: --token <secret> or MLTEAM_TOKEN`,
      );
    const { checkTransport } = await import("../../app/org-transport.ts");
    checkTransport({
      host: options.host,
      ...(config.auth ? { publicUrl: config.auth.publicUrl } : {}),
      behindTlsProxy: options.behindTlsProxy === true,
    });
    const secretVariable = config.auth?.clientSecretEnv ?? "MLTEAM_OIDC_CLIENT_SECRET";
    const clientSecret = config.auth ? process.env[secretVariable] : undefined;
    if (config.auth && !clientSecret)
      throw new InputError(`the OpenID Connect client secret is missing: set ${secretVariable}`);
    return clientSecret;
  } catch (error) {
    await setup.store.close();
    throw error;
  }
}

/** `mlteam org serve`: the organisation API, syncing in the background every `syncMinutes`. */
export async function orgServe(options: OrgServeOptions): Promise<void> {
  const { serve: listen } = await import("@hono/node-server");
  const { createOrgApp } = await import("../../server/org/app.ts");
  const { databaseLabel, openOrganisation, openQueue, recordConfigLoaded, sharesWorkThroughQueue, syncTeam } =
    await import("../../app/org-setup.ts");
  const { closeOnSignal } = await import("../signals.ts");
  const now = () => new Date().toISOString();
  const port = Number.parseInt(options.port, 10);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new InputError(`--port must be 0–65535, got "${options.port}"`);
  const token = options.token ?? process.env.MLTEAM_TOKEN;
  const workers = Number.parseInt(options.workers, 10);
  if (!Number.isInteger(workers) || workers < 0 || workers > 64)
    throw new InputError(`--workers must be 0–64, got "${options.workers}"`);
  const setup = await openOrganisation(options, process.env.MLTEAM_DATABASE_URL);
  const { config, store, database, dataDir } = setup;
  const clientSecret = await servingChecks(setup, options, token);
  // With PostgreSQL, syncs go through the job queue, shared with other servers and `org worker`s.
  const queue = sharesWorkThroughQueue(setup) ? await openQueue(database) : undefined;
  if (queue && workers > 0) await queue.work(workers, syncTeam(setup, { today, now }));
  // Every configuration a server starts with is in the audit log (its hash and sources).
  await recordConfigLoaded(setup, options.config, now);
  let listening: number | undefined;
  const { app, sync } = createOrgApp({
    ...(queue ? { queue } : { embeddedDatabase: database }),
    ...(clientSecret ? { clientSecret } : {}),
    store,
    config,
    dataDir,
    today,
    host: options.host,
    port: () => listening,
    ...(token ? { token } : {}),
  });
  const server = await new Promise<ReturnType<typeof listen>>((done) => {
    const s = listen({ fetch: app.fetch, port, hostname: options.host }, (info) => {
      listening = info.port;
      const host = info.family === "IPv6" ? `[${info.address}]` : info.address;
      out(
        `mlteam is serving the organisation ${config.name} (${config.sources.length} sources, ${databaseLabel(setup)}) at http://${host}:${info.port}/ (API: /api/openapi.json)`,
      );
      done(s);
    });
  });
  if (options.sync) {
    const run = () =>
      (queue ? queue.enqueue(config.sources.map((s) => s.id)) : sync()).catch((error: unknown) =>
        out(`sync failed: ${error instanceof Error ? error.message : String(error)}`),
      );
    void run();
    const timer = setInterval(run, config.syncMinutes * 60_000);
    timer.unref();
  }
  closeOnSignal(async () => {
    server.close();
    await queue?.stop();
    await store.close();
  });
}

export function register(org: Command): void {
  org
    .command("serve")
    .description(
      "serve the organisation's dashboard and API: teams ranked by risk, organisation-wide findings, each team's history and pages, people",
    )
    .option("-c, --config <file>", "the organisation file", "mlteam-org.yaml")
    .option(
      "--db <url>",
      "postgres://… or a SQLite file (default: the organisation file's, else .mlteam-org/org.db)",
    )
    .option("-p, --port <port>", "port", "4174")
    .option(
      "--host <host>",
      "address to listen on; anything but loopback needs a login or a token, and --behind-tls-proxy",
      "127.0.0.1",
    )
    .option("--token <secret>", "require Authorization: Bearer <secret> on every API call (or MLTEAM_TOKEN)")
    .option("--no-sync", "do not sync at start and every `syncMinutes` (another process syncs)")
    .option(
      "--behind-tls-proxy",
      "TLS is terminated in front of this server (a reverse proxy, a load balancer): needed off loopback; auth.publicUrl must be https://",
    )
    .option("--workers <n>", "with PostgreSQL: sync jobs this process takes at once (0: serve only)", "1")
    .addHelpText(
      "after",
      `
Reads what \`mlteam org sync\` keeps; syncs at start and every \`syncMinutes\` (15 by default) unless
--no-sync, and on POST /api/org/sync. With the embedded store the sync runs in this process; with
PostgreSQL it is queued (one job per team) for this process's --workers and any \`mlteam org worker\`,
on any machine (docs/deploy.md). The dashboard is at the printed address; each team's own pages at
/teams/<id>/, read-only: a RACI edit there downloads a patch to send through git.
The server speaks plain http: off loopback it starts only with --behind-tls-proxy, saying that TLS
is terminated in front of it, and a login's auth.publicUrl must then be https:// (session cookies
are Secure); a plain-http publicUrl is for this machine only (docs/security.md).
Examples:
  mlteam org serve
  MLTEAM_TOKEN=s3cret mlteam org serve --host 0.0.0.0 --behind-tls-proxy --db postgres://mlteam@db/mlteam`,
    )
    .action(async (options: OrgServeOptions) => orgServe(options));
}
