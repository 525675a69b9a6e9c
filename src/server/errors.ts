/**
 * The HTTP edge of the error family: each kind of application error answers with one status. (The
 * transport's own refusals — a foreign Host 421, a body too large 413, not JSON 415 — answer in their
 * middleware, `security.ts`.)
 */
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { AppError, type AppErrorKind } from "../app/errors.ts";

const STATUS: Record<AppErrorKind, ContentfulStatusCode> = {
  input: 400,
  "not-found": 404,
  conflict: 409,
  precondition: 428,
  "invalid-model": 409,
  unavailable: 503,
  unauthorised: 401,
  forbidden: 403,
};

/** The one place where errors become responses; `publicText` strips the machine's paths. */
export function errorResponse(error: unknown, c: Context, publicText: (text: string) => string): Response {
  if (error instanceof AppError) return c.json({ error: publicText(error.message) }, STATUS[error.kind]);
  const message = error instanceof Error ? error.message : String(error);
  return c.json({ error: publicText(`internal error: ${message}`) }, 500);
}
