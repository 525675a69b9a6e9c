import { spawn } from "node:child_process";
import { resolve } from "node:path";
import type { Command } from "commander";
import { InputError } from "../../app/errors.ts";
import { out } from "../io.ts";
import { isLoopback } from "../loopback.ts";
import { DEFAULT_MODEL_FILE, MODEL_ARG } from "../options.ts";
import { today } from "../today.ts";

export interface ServeOptions {
  port: string;
  host: string;
  token?: string;
  open?: boolean;
}

/** `mlteam serve`: the HTTP API on loopback (a token is required on any other address). */
export async function serveCommand(modelPath: string, options: ServeOptions): Promise<void> {
  const { serve: listen } = await import("@hono/node-server");
  const { createApp } = await import("../../server/app.ts");
  const { loadValidModel } = await import("../load.ts");
  const port = Number.parseInt(options.port, 10);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new InputError(`--port must be 0–65535, got "${options.port}"`);
  const token = options.token ?? process.env.MLTEAM_TOKEN;
  if (!isLoopback(options.host) && !token) {
    throw new InputError(
      `serving on ${options.host} (not loopback) needs a token: --token <secret> or MLTEAM_TOKEN`,
    );
  }
  await loadValidModel(modelPath);
  let listening: number | undefined;
  const app = createApp({
    modelPath: resolve(modelPath),
    today,
    host: options.host,
    port: () => listening,
    ...(token ? { token } : {}),
  });
  await new Promise<void>((done) => {
    listen({ fetch: app.fetch, port, hostname: options.host }, (info) => {
      listening = info.port;
      const host = info.family === "IPv6" ? `[${info.address}]` : info.address;
      const url = `http://${host}:${info.port}/`;
      out(
        `mlteam is serving ${modelPath} at ${url} (API: /api/openapi.json)${token ? " — send Authorization: Bearer <token>" : ""}`,
      );
      if (options.open) openInBrowser(token ? `${url}#/overview?token=${encodeURIComponent(token)}` : url);
      done();
    });
  });
}

/** Opens the dashboard in the desktop's browser, if there is one; says so otherwise. */
function openInBrowser(url: string): void {
  const command =
    process.platform === "darwin" ? "open" : process.platform === "win32" ? "explorer" : "xdg-open";
  const child = spawn(command, [url], { stdio: "ignore", detached: true });
  child.on("error", () => out(`(could not open a browser: open ${url} yourself)`));
  child.unref();
}

/** `mlteam serve`: its flags and help, beside what it does. */
export function register(program: Command): void {
  program
    .command("serve")
    .description(
      "serve the web dashboard and the HTTP API (findings, RACI with safe edits, what-if), on loopback by default",
    )
    .argument("[model]", MODEL_ARG, DEFAULT_MODEL_FILE)
    .option("-p, --port <port>", "port", "4173")
    .option("--host <host>", "address to listen on; anything but loopback needs a token", "127.0.0.1")
    .option("--token <secret>", "require Authorization: Bearer <secret> on every API call (or MLTEAM_TOKEN)")
    .option("--open", "open the dashboard in the desktop's browser")
    .addHelpText(
      "after",
      `
The API is described at /api/openapi.json. RACI edits (PUT /api/raci/cell) are written into the
YAML keeping its comments, atomically, and refused with 409 when the file changed since it was read.
Examples:
  mlteam serve examples/meghan-story
  MLTEAM_TOKEN=s3cret mlteam serve --host 0.0.0.0 --port 8080`,
    )
    .action(async (model: string, options) => serveCommand(model, options));
}
