/**
 * Every route of one team's API, on the app given: `mlteam serve` mounts them over the working
 * copy; the organisation server over a synced snapshot, read-only, with the evidence its sync
 * checked and without the git history route, so that its pages give the same answers.
 */
import type { Api, ServerContext } from "./context.ts";
import { catalogRoutes } from "./routes/catalog.ts";
import { evidenceRoutes } from "./routes/evidence.ts";
import { findingsRoutes } from "./routes/findings.ts";
import { auditRoutes } from "./routes/governance-pack.ts";
import { handoverRoutes } from "./routes/handover.ts";
import { historyRoutes } from "./routes/history.ts";
import { modelRoutes } from "./routes/model.ts";
import { raciRoutes } from "./routes/raci.ts";
import { topologyRoutes } from "./routes/topology.ts";
import { whatIfRoutes } from "./routes/whatif.ts";

export function teamModelRoutes(app: Api, ctx: ServerContext, today: () => string): void {
  modelRoutes(app, ctx);
  findingsRoutes(app, ctx);
  raciRoutes(app, ctx);
  whatIfRoutes(app, ctx);
  catalogRoutes(app);
  auditRoutes(app, ctx, today);
  topologyRoutes(app, ctx);
  evidenceRoutes(app, ctx);
  handoverRoutes(app, ctx, today);
  if (ctx.snapshot) return;
  historyRoutes(app, ctx, today);
}
