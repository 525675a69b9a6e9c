/**
 * The HTTP API of `mlteam serve`: the model, the doctor's findings and score, the RACI (readable and
 * editable), what-if and the absence ranking, the catalog — described by an OpenAPI document.
 * Writes need a JSON body, the `X-MLTeam-Request` header (so a cross-site form cannot post) and the
 * ETag they were based on (`If-Match`); a file changed since then answers 409. With a token, every
 * API call must carry it (`Authorization: Bearer …`).
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, extname, join, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { Hono } from "hono";
import { rankAbsences } from "../analysis/absence-rank.ts";
import { ruleEnvironment } from "../analysis/check-model.ts";
import { raciMatrix } from "../analysis/raci-matrix.ts";
import { RULES } from "../analysis/rules/index.ts";
import { scoreFindings } from "../analysis/score.ts";
import { scenarioProblems, whatIf } from "../analysis/whatif.ts";
import { CATALOG } from "../catalog/index.ts";
import { collectEvidence, modelRepositories } from "../evidence/collect.ts";
import { GitError } from "../evidence/git.ts";
import { fsHost } from "../io/fs-host.ts";
import { writeFileAtomic } from "../io/write-atomic.ts";
import type { RACI_LETTERS } from "../model/schema.ts";
import { topologySvg } from "../render/docs-site/topology-svg.ts";
import { openSqliteStore } from "../store/sqlite.ts";
import { type LoadedModel, ModelSource } from "./model-source.ts";
import { openApiDocument } from "./openapi.ts";
import { editRaciCell } from "./raci-edit.ts";
import { RaciCellBody } from "./schemas.ts";

/** An error with the HTTP status it answers with. */
export class HttpError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 412 | 415 | 428,
    message: string,
  ) {
    super(message);
  }
}

export interface AppOptions {
  modelPath: string;
  /** Required on every API call when set. */
  token?: string;
  /** Where the built dashboard is (dist/web by default). */
  webRoot?: string;
  today: () => string;
}

export function createApp(options: AppOptions): Hono {
  const source = new ModelSource(options.modelPath, options.today);
  const app = new Hono();

  app.onError((error, c) => {
    if (error instanceof HttpError) return c.json({ error: error.message }, error.status);
    return c.json(
      { error: `internal error: ${error instanceof Error ? error.message : String(error)}` },
      500,
    );
  });

  app.use("/api/*", async (c, next) => {
    if (options.token !== undefined && c.req.header("authorization") !== `Bearer ${options.token}`) {
      throw new HttpError(401, "this server needs its token: send Authorization: Bearer <token>");
    }
    if (c.req.method !== "GET" && c.req.method !== "HEAD") {
      if (!(c.req.header("content-type") ?? "").startsWith("application/json"))
        throw new HttpError(415, "send JSON (Content-Type: application/json)");
      if (c.req.header("x-mlteam-request") !== "1")
        throw new HttpError(403, "writes need the header X-MLTeam-Request: 1");
    }
    await next();
  });

  const valid = (): LoadedModel => {
    const loaded = source.load();
    const errors = loaded.checked.diagnostics.filter((d) => d.severity === "error");
    if (errors.length > 0) {
      throw new HttpError(
        409,
        `the model has errors: ${errors
          .slice(0, 3)
          .map((d) => `${d.file}:${d.line}:${d.column} ${d.message}`)
          .join("; ")}`,
      );
    }
    return loaded;
  };

  app.get("/api/openapi.json", (c) => c.json(openApiDocument()));

  app.get("/api/model", (c) => {
    const { etag, checked } = source.load();
    const { graph, model, diagnostics } = checked;
    c.header("ETag", etag);
    return c.json({
      etag,
      files: model.files,
      diagnostics,
      organisation: model.organisation ?? null,
      people: [...graph.people.values()].map((p) => ({
        id: p.id,
        name: p.name,
        roles: p.roles,
        allocation: p.allocation,
        teams: p.teams,
        skills: p.skills,
        absences: p.source.absences ?? [],
      })),
      teams: [...graph.teams.values()].map((t) => ({
        id: t.id,
        name: t.source.name ?? t.id,
        type: t.source.type,
        members: t.members,
        serves: t.serves,
      })),
      products: [...graph.products.values()].map((p) => p.source),
      stakeholders: graph.stakeholders,
    });
  });

  app.get("/api/findings", (c) => {
    const { etag, checked } = valid();
    const findings = checked.doctor?.findings ?? [];
    c.header("ETag", etag);
    return c.json({
      etag,
      findings,
      score: scoreFindings(findings),
      suppressed: checked.doctor?.suppressed ?? 0,
    });
  });

  app.get("/api/raci", (c) => {
    const { etag, checked } = valid();
    const by = c.req.query("by") ?? "role";
    if (by !== "role" && by !== "person") throw new HttpError(400, `by must be role or person, got "${by}"`);
    const product = c.req.query("product");
    if (product !== undefined && !checked.graph.products.has(product))
      throw new HttpError(404, `no product "${product}"`);
    c.header("ETag", etag);
    return c.json({
      etag,
      ...raciMatrix(checked.graph, { by, ...(product !== undefined ? { product } : {}) }),
    });
  });

  app.put("/api/raci/cell", async (c) => {
    const ifMatch = c.req.header("if-match");
    if (!ifMatch)
      throw new HttpError(
        428,
        "send the ETag you edited (If-Match), so that no one else's change is overwritten",
      );
    const parsed = RaciCellBody.safeParse(await c.req.json().catch(() => undefined));
    if (!parsed.success)
      throw new HttpError(
        400,
        parsed.error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`).join("; "),
      );
    const body = parsed.data;
    const { etag, checked } = valid();
    if (ifMatch !== etag)
      throw new HttpError(
        409,
        "the model changed since you loaded it (someone else edited it); reload and try again",
      );
    const { graph, model } = checked;
    if (!graph.activities.has(body.activity)) throw new HttpError(404, `no activity "${body.activity}"`);
    if (body.product !== undefined && !graph.products.has(body.product))
      throw new HttpError(404, `no product "${body.product}"`);
    const [kind, id] = body.column.startsWith("person:")
      ? ["person", body.column.slice(7)]
      : ["role", body.column];
    if (kind === "person" ? !graph.people.has(id) : !graph.roles.has(id))
      throw new HttpError(404, `no ${kind} "${id}"`);
    const entry = graph.raci.find((e) => e.activity === body.activity && e.product === body.product);
    const origin = entry ? model.origin(entry.source) : undefined;
    const file = origin?.source.path ?? model.files[0] ?? options.modelPath;
    const letters =
      body.letters === ""
        ? []
        : body.letters === "R/A"
          ? (["R", "A"] as const)
          : [body.letters as (typeof RACI_LETTERS)[number]];
    const before = readFileSync(file, "utf8");
    const after = editRaciCell(before, origin?.path[1] as number | undefined, {
      activity: body.activity,
      product: body.product,
      column: body.column,
      letters: [...letters],
    });
    // The file may have changed while we computed: check again right before replacing it.
    if (source.currentEtag(model.files) !== etag)
      throw new HttpError(409, "the model changed while saving; reload and try again");
    writeFileAtomic(file, after);
    const reloaded = source.load();
    c.header("ETag", reloaded.etag);
    return c.json({ etag: reloaded.etag, file });
  });

  app.get("/api/whatif", (c) => {
    const { checked } = valid();
    const list = (name: string) =>
      (c.req.query(name) ?? "")
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean);
    const scenario = {
      without: list("without"),
      add: list("add"),
      ...(c.req.query("from") ? { from: c.req.query("from") as string } : {}),
      ...(c.req.query("to") ? { to: c.req.query("to") as string } : {}),
    };
    const problems = scenarioProblems(checked.graph, scenario);
    if (problems.length) throw new HttpError(400, problems.join("; "));
    const environment = ruleEnvironment(checked.model, fsHost, options.today());
    const result = whatIf(
      checked.model,
      checked.graph,
      CATALOG,
      RULES,
      environment,
      scenario,
      checked.doctor?.findings,
    );
    if (!("away" in result)) throw new HttpError(400, "the scenario does not resolve");
    const { findings: _all, ...summary } = result;
    return c.json(summary);
  });

  app.get("/api/rank", (c) => {
    const { checked } = valid();
    return c.json({ ranking: rankAbsences(checked.graph) });
  });

  app.get("/api/catalog/:kind", (c) => {
    const kind = c.req.param("kind");
    if (kind !== "roles" && kind !== "activities" && kind !== "competencies" && kind !== "topologies") {
      throw new HttpError(404, `no catalog "${kind}" (roles, activities, competencies, topologies)`);
    }
    return c.json(CATALOG[kind]);
  });

  app.get("/api/evidence", async (c) => {
    const { checked } = valid();
    const repositories = modelRepositories(checked.model);
    if (repositories.length === 0) {
      throw new HttpError(
        404,
        "the model lists no evidence.repositories: add them (or run `mlteam evidence --repo <path>`)",
      );
    }
    const store = await openSqliteStore(
      join(dirname(checked.model.files[0] ?? options.modelPath), ".mlteam", "evidence.db"),
    );
    try {
      const collected = await collectEvidence({ model: checked.model, store, today: options.today() });
      return c.json({ report: collected.report, warnings: collected.warnings });
    } catch (error) {
      if (error instanceof GitError) throw new HttpError(409, error.message);
      throw error;
    } finally {
      await store.close();
    }
  });

  app.get("/api/topology.svg", async (c) => {
    const { checked } = valid();
    return c.body(await topologySvg(checked.graph), 200, { "content-type": "image/svg+xml; charset=utf-8" });
  });

  app.all("/api/*", () => {
    throw new HttpError(404, "no such API route (see /api/openapi.json)");
  });
  // The dashboard: static files built by Vite, served from one directory and nothing outside it.
  const webRoot = resolve(options.webRoot ?? fileURLToPath(new URL("../web/", import.meta.url)));
  app.get("*", (c) => {
    const wanted = decodeURIComponent(new URL(c.req.url).pathname);
    const file = resolve(webRoot, `.${wanted === "/" ? "/index.html" : wanted}`);
    if (!file.startsWith(`${webRoot}${sep}`) || !existsSync(file) || !statSync(file).isFile()) {
      if (!existsSync(join(webRoot, "index.html"))) {
        return c.text(
          "The dashboard is not built: run `npm run build`. The API is at /api/openapi.json.",
          404,
        );
      }
      return c.text("not found", 404);
    }
    return c.body(readFileSync(file), 200, {
      "content-type": TYPES[extname(file)] ?? "application/octet-stream",
    });
  });
  return app;
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".json": "application/json",
};
