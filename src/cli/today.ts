/** The date the doctor runs as of: MLTEAM_TODAY (YYYY-MM-DD) when set, for reproducible runs; else today. */
import { currentDate } from "../analysis/check-model.ts";
import { EXIT, ExitError } from "./exit.ts";

export function today(env: NodeJS.ProcessEnv = process.env): string {
  const value = env.MLTEAM_TODAY;
  if (value === undefined || value === "") return currentDate();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) {
    throw new ExitError(EXIT.invalid, `MLTEAM_TODAY must be a date written YYYY-MM-DD, got "${value}"`);
  }
  return value;
}
