/** The HTTP edge of the error family: each kind of application error answers with one status. */
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
};

/** An error raised by the HTTP layer itself (token, host, media type…), with its status. */
export class HttpError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    message: string,
  ) {
    super(message);
  }
}

/** The one place where errors become responses; `publicText` strips the machine's paths. */
export function errorResponse(error: unknown, c: Context, publicText: (text: string) => string): Response {
  if (error instanceof HttpError) return c.json({ error: publicText(error.message) }, error.status);
  if (error instanceof AppError) return c.json({ error: publicText(error.message) }, STATUS[error.kind]);
  if (error instanceof Error && error.name === "WriteError")
    return c.json({ error: publicText(error.message) }, 503);
  const message = error instanceof Error ? error.message : String(error);
  return c.json({ error: publicText(`internal error: ${message}`) }, 500);
}
