/** The date the doctor runs as of: MLTEAM_TODAY (YYYY-MM-DD) when set, for reproducible runs; else today. */
import { EXIT, ExitError } from "./exit.ts";

/** Today's date as YYYY-MM-DD in UTC: the surfaces read the clock, the core is given the date. */
export function currentDate(): string {
  return new Date().toISOString().slice(0, 10);
}

export function today(env: NodeJS.ProcessEnv = process.env): string {
  const value = env.MLTEAM_TODAY;
  if (value === undefined || value === "") return currentDate();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) {
    throw new ExitError(EXIT.invalid, `MLTEAM_TODAY must be a date written YYYY-MM-DD, got "${value}"`);
  }
  return value;
}
