/** The date the doctor runs as of: MLTEAM_TODAY (YYYY-MM-DD) when set, for reproducible runs; else today. */
import { checkedDate } from "./options.ts";

/** Today's date as YYYY-MM-DD in UTC: the surfaces read the clock, the core is given the date. */
export function currentDate(): string {
  return new Date().toISOString().slice(0, 10);
}

export function today(env: NodeJS.ProcessEnv = process.env): string {
  const value = env.MLTEAM_TODAY;
  if (value === undefined || value === "") return currentDate();
  return checkedDate("MLTEAM_TODAY", value);
}
