/** Loads the model a command was given: the check of a valid model, or an InvalidModelError (exit 2). */
import {
  type CheckTeamOptions,
  checkTeam,
  loadValidTeam,
  requireValid,
  type ValidTeamCheck,
} from "../app/check-team.ts";
import { cliContext } from "./context.ts";

/** Validates only (no rules, no evidence): for commands that need the team graph alone. */
export async function loadValidModel(path: string) {
  return loadValidTeam(path, cliContext());
}

/** The doctor's whole check (evidence when the model lists repositories), as every surface runs it. */
export async function checkValidModel(
  path: string,
  options: Pick<CheckTeamOptions, "evidence" | "frameworks"> = {},
): Promise<ValidTeamCheck> {
  return requireValid(await checkTeam(path, { ...cliContext(), ...options }));
}
