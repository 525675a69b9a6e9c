/** Exit codes, as linters use them, and the error that carries one to the CLI's single exit point. */
export const EXIT = {
  /** Clean, or warnings only. */
  ok: 0,
  /** Findings at error level. */
  findings: 1,
  /** Invalid input or usage, or an internal failure. */
  invalid: 2,
} as const;

/** Thrown by commands to stop with a message (on stderr) and an exit code. */
export class ExitError extends Error {
  constructor(
    readonly code: number,
    message = "",
  ) {
    super(message);
  }
}
