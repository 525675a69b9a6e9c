/**
 * The HTTP API of `mlteam serve` and the dashboard's static files. Each resource's routes are in
 * `routes/`, declared with the zod schemas of `contract.ts` (which validate requests and generate
 * the OpenAPI document); every route calls the application layer, and errors become responses in
 * one place. Security (Host, Origin, token, body size, headers) is in `security.ts`.
 */
import { join, resolve } from "node:path";
import { serveStatic } from "@hono/node-server/serve-static";
import { type EvidenceGatherer, gitEvidence } from "../app/evidence.ts";
import { ModelWorkspace } from "../app/workspace.ts";
import { fsHost } from "../io/fs-host.ts";
import { cleanStaleTemps } from "../io/write-atomic.ts";
import { packageRoot } from "../package-root.ts";
import { type Api, makeContext } from "./context.ts";
import { errorResponse } from "./errors.ts";
import { createApi, documentApi } from "./openapi.ts";
import {
  decodableUrl,
  type HostPolicy,
  headers,
  hostCheck,
  limitBody,
  plainTextBody,
  tokenCheck,
  writeCheck,
} from "./security.ts";
import { teamModelRoutes } from "./team-routes.ts";

export interface AppOptions extends HostPolicy {
  modelPath: string;
  /** Required on every API call when set. */
  token?: string;
  /** Where the built dashboard is (dist/web by default). */
  webRoot?: string;
  today: () => string;
  /** How evidence is gathered when the model lists repositories (git and the embedded store by default). */
  gatherEvidence?: EvidenceGatherer;
}

export function createApp(options: AppOptions): Api {
  const entry = resolve(options.modelPath);
  const workspace = new ModelWorkspace(entry, fsHost, {
    today: options.today,
    gatherEvidence: options.gatherEvidence ?? gitEvidence,
  });
  const root = workspace.folder;
  cleanStaleTemps(root);
  const ctx = makeContext(workspace, root);
  const app: Api = createApi();
  app.onError((error, c) => errorResponse(error, c, ctx.publicText));

  app.use("*", headers);
  app.use("*", hostCheck(options));
  app.use("*", decodableUrl);
  app.use("/api/*", tokenCheck(options.token), writeCheck, limitBody, plainTextBody);

  teamModelRoutes(app, ctx, options.today);
  documentApi(app, {
    title: "mlteam",
    description:
      "The team model, the doctor, what-if and the RACI of one mlteam model. Writes need JSON, the header X-MLTeam-Request: 1 and If-Match.",
  });
  // The dashboard: static files built by Vite, served from one directory and nothing outside it.
  const webRoot = resolve(options.webRoot ?? join(packageRoot(), "dist", "web"));
  app.use("*", serveStatic({ root: webRoot }));
  app.get("*", (c) =>
    c.text(
      fsHost.exists?.(join(webRoot, "index.html"))
        ? "not found"
        : "The dashboard is not built: run `npm run build`. The API is at /api/openapi.json.",
      404,
    ),
  );
  return app;
}
