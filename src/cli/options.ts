/** What several commands share on the command line: the model argument and the --format option. */

import { Option } from "commander";

export { DEFAULT_MODEL_FILE } from "../app/model-file.ts";
export const MODEL_ARG = "path of the model: a YAML file, or a directory holding mlteam.yaml";

export const format = (choices: string[], fallback: string) =>
  new Option("-f, --format <format>", "output format").choices(choices).default(fallback);

/** A date given on the command line (`flag`), checked: YYYY-MM-DD naming a day of the calendar. */
export { calendarDateInput as checkedDate } from "../app/input.ts";
