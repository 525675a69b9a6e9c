/**
 * The HTTP edge of the error family: each kind of application error answers with one status. (The
 * transport's own refusals — a foreign Host 421, a body too large 413, not JSON 415 — answer in their
 * middleware, `security.ts`.)
 */
import { randomUUID } from "node:crypto";
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { AppError, type AppErrorKind } from "../app/errors.ts";

const STATUS: Record<AppErrorKind, ContentfulStatusCode> = {
  input: 400,
  "not-found": 404,
  conflict: 409,
  precondition: 428,
  stale: 412,
  "invalid-model": 409,
  unavailable: 503,
  unauthorised: 401,
  forbidden: 403,
};

/**
 * The one place where errors become responses; `publicText` strips the machine's paths. An error that
 * is not the application's (a bug, a database's own failure) never reaches the response: it is logged
 * on the server's stderr with a request id, and the client gets that id to quote.
 */
export function errorResponse(
  error: unknown,
  c: Context,
  publicText: (text: string) => string,
  log: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
): Response {
  if (error instanceof AppError) return c.json({ error: publicText(error.message) }, STATUS[error.kind]);
  const id = randomUUID().slice(0, 8);
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  log(`mlteam: internal error (request ${id}) on ${c.req.method} ${new URL(c.req.url).pathname}: ${detail}`);
  return c.json({ error: `internal error (request ${id}); the server's log has the details` }, 500);
}
