/**
 * The application's rules for values a user types — dates, for now — so that every surface (a CLI
 * flag, an environment variable, an HTTP query) accepts and refuses the same values with the same words.
 */
import { DATE_SHAPE, isCalendarDate } from "../model/calendar-date.ts";
import { InputError } from "./errors.ts";

export { DATE_SHAPE, isCalendarDate };

/** A date given as `name` (a flag, a variable), checked: YYYY-MM-DD naming a day of the calendar. */
export function calendarDateInput(name: string, value: string): string {
  if (!DATE_SHAPE.test(value))
    throw new InputError(`${name} must be a date written YYYY-MM-DD, got "${value}"`);
  if (!isCalendarDate(value)) throw new InputError(`${name}: ${value} is not a day of the calendar`);
  return value;
}
