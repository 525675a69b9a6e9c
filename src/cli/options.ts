/** What several commands share on the command line: the model argument and the --format option. */

import { Option } from "commander";
import { InputError } from "../app/errors.ts";
import { DATE_SHAPE, isCalendarDate } from "../model/calendar-date.ts";

export const DEFAULT_MODEL = "mlteam.yaml";
export const MODEL_ARG = "path of the model: a YAML file, or a directory holding mlteam.yaml";

export const format = (choices: string[], fallback: string) =>
  new Option("-f, --format <format>", "output format").choices(choices).default(fallback);

/** A date given on the command line (`flag`), checked: YYYY-MM-DD naming a day of the calendar. */
export function checkedDate(flag: string, value: string): string {
  if (!DATE_SHAPE.test(value))
    throw new InputError(`${flag} must be a date written YYYY-MM-DD, got "${value}"`);
  if (!isCalendarDate(value)) throw new InputError(`${flag}: ${value} is not a day of the calendar`);
  return value;
}
