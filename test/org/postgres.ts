/**
 * A PostgreSQL cluster of the test's own, in a temporary folder: initdb, then the server on a Unix
 * socket in that folder (no TCP port to collide on), stopped and deleted after. Uses Debian's
 * `postgresql` package (scripts/setup.sh installs it when missing); as root, the server runs as the
 * `postgres` user, since PostgreSQL refuses to run as root.
 */
import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import pg from "pg";

export interface TestPostgres {
  url: string;
  stop(): Promise<void>;
}

function binaries(): string {
  const onPath = spawnSync("sh", ["-c", "command -v initdb"], { encoding: "utf8" }).stdout.trim();
  if (onPath) return join(onPath, "..");
  const root = "/usr/lib/postgresql";
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => existsSync(join(root, v, "bin", "initdb")))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions[0] === undefined)
    throw new Error("PostgreSQL is not installed: run scripts/setup.sh (or apt-get install -y postgresql)");
  return join(root, versions[0], "bin");
}

export async function startPostgres(): Promise<TestPostgres> {
  const bin = binaries();
  const dir = mkdtempSync("/tmp/mlteam-pg-");
  const asRoot = process.getuid?.() === 0;
  const run = (command: string, args: string[]) =>
    asRoot ? { command: "runuser", args: ["-u", "postgres", "--", command, ...args] } : { command, args };
  if (asRoot) {
    chmodSync(dir, 0o777);
    spawnSync("chown", ["postgres", dir]);
  }
  const data = join(dir, "data");
  const init = run(join(bin, "initdb"), [
    "-D",
    data,
    "-A",
    "trust",
    "-U",
    "mlteam",
    "--no-sync",
    "-E",
    "UTF8",
  ]);
  const made = spawnSync(init.command, init.args, { encoding: "utf8" });
  if (made.status !== 0) throw new Error(`initdb failed: ${made.stderr || made.stdout}`);
  // pg_ctl starts the server in the background and stops it (fast shutdown): short commands only,
  // so nothing depends on a signal reaching a server started through runuser.
  const options = `-k '${dir}' -c listen_addresses='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
  const start = run(join(bin, "pg_ctl"), [
    "-D",
    data,
    "-l",
    join(dir, "log"),
    "-o",
    options,
    "-w",
    "-t",
    "60",
    "start",
  ]);
  const started = spawnSync(start.command, start.args, { encoding: "utf8" });
  if (started.status !== 0) throw new Error(`PostgreSQL did not start: ${started.stderr || started.stdout}`);
  const url = `postgres://mlteam@localhost/postgres?host=${encodeURIComponent(dir)}`;
  // Ready when a connection succeeds; the first start of a cluster takes a moment.
  const deadline = Date.now() + 30_000;
  for (;;) {
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      await client.end();
      break;
    } catch (error) {
      await client.end().catch(() => undefined);
      if (Date.now() > deadline) throw new Error(`PostgreSQL does not answer: ${String(error)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  // A test process that ends early (a failure, a timeout's SIGTERM) takes its cluster with it.
  const pidFile = join(data, "postmaster.pid");
  const abandon = () => {
    try {
      process.kill(Number(readFileSync(pidFile, "utf8").split("\n")[0]), "SIGQUIT");
    } catch {}
    rmSync(dir, { recursive: true, force: true });
  };
  const onSignal = (signal: NodeJS.Signals) => {
    abandon();
    process.kill(process.pid, signal);
  };
  process.once("exit", abandon);
  process.once("SIGTERM", onSignal);
  process.once("SIGINT", onSignal);
  return {
    url,
    async stop() {
      process.off("exit", abandon);
      process.off("SIGTERM", onSignal);
      process.off("SIGINT", onSignal);
      // The server's pid, to make sure it is gone even if pg_ctl gives up waiting.
      const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
      const stop = run(join(bin, "pg_ctl"), ["-D", data, "-m", "fast", "-w", "-t", "20", "stop"]);
      spawnSync(stop.command, stop.args, { encoding: "utf8" });
      if (Number.isInteger(pid) && pid > 0 && alive(pid)) {
        // Immediate shutdown: the cluster is thrown away anyway.
        process.kill(pid, "SIGQUIT");
        for (let i = 0; i < 100 && alive(pid); i++) await new Promise((r) => setTimeout(r, 50));
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
