/**
 * How a command ends when it does not simply succeed and has no error of the application's to throw.
 * Commands say what happened; `cli/main.ts` alone turns it into an exit code.
 */
export type CommandOutcome =
  /** Findings at error level, a crossed gate, gaps in a pack, a partial import, a failed sync: exit 1. */
  | "findings"
  /** The input was wrong and the command has already said why (its diagnostics are printed): exit 2. */
  | "reported";

export class CommandFailed extends Error {
  constructor(readonly outcome: CommandOutcome) {
    super(outcome);
  }
}
