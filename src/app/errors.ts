/**
 * The one family of errors the use cases throw. Each says what kind of problem it is, not how a
 * surface shows it: the CLI maps the kind to an exit code and the HTTP API to a status, each in one
 * place (`cli/main.ts`, `server/errors.ts`).
 */
import type { Diagnostic } from "../model/diagnostic.ts";

export type AppErrorKind =
  | "input" // a value the user gave is wrong (a flag, a query, a request body, a path)
  | "not-found" // it names something that does not exist (a product, a person, an activity)
  | "conflict" // the model changed since the caller read it
  | "precondition" // the caller must send something first (e.g. the version it edited)
  | "stale" // the version the caller sent (If-Match) is no longer the model's
  | "invalid-model" // the model itself does not validate
  | "unavailable" // something outside the model cannot be read (a repository, a file to write)
  | "unauthorised" // the caller did not say who they are (no token, no session, a refused login)
  | "forbidden"; // the caller is known but may not do this

export abstract class AppError extends Error {
  abstract readonly kind: AppErrorKind;
}

export class InputError extends AppError {
  override name = "InputError";
  readonly kind = "input" as const;
}

export class NotFoundError extends AppError {
  override name = "NotFoundError";
  readonly kind = "not-found" as const;
}

export class ConflictError extends AppError {
  override name = "ConflictError";
  readonly kind = "conflict" as const;
}

export class PreconditionError extends AppError {
  override name = "PreconditionError";
  readonly kind = "precondition" as const;
}

/** The version the caller based a write on (its If-Match) is no longer the model's: nothing was written. */
export class StaleVersionError extends AppError {
  override name = "StaleVersionError";
  readonly kind = "stale" as const;
}

export class UnavailableError extends AppError {
  override name = "UnavailableError";
  readonly kind = "unavailable" as const;
}

export class UnauthorisedError extends AppError {
  override name = "UnauthorisedError";
  readonly kind = "unauthorised" as const;
}

export class ForbiddenError extends AppError {
  override name = "ForbiddenError";
  readonly kind = "forbidden" as const;
}

/** The model does not validate; carries every diagnostic so a surface can show them all. */
export class InvalidModelError extends AppError {
  override name = "InvalidModelError";
  readonly kind = "invalid-model" as const;
  constructor(
    readonly diagnostics: readonly Diagnostic[],
    /** What the model is called (its organisation's name, or its path), for a report's title. */
    readonly title?: string,
  ) {
    const errors = diagnostics.filter((d) => d.severity === "error");
    super(
      `the model has ${errors.length} ${errors.length === 1 ? "error" : "errors"}: ${errors
        .slice(0, 3)
        .map((d) => `${d.file}:${d.line}:${d.column} ${d.message}`)
        .join("; ")}${errors.length > 3 ? "; …" : ""}`,
    );
  }
}

/** Cuts a value the user sent to a length that is safe to echo in a message. */
export { quote as echo } from "../model/suggest.ts";
