/** Every built-in rule, in the order the doctor runs and documents them. */
import type { Rule } from "../rule.ts";
import accountableOnePerson from "./raci/accountable-one-person.ts";
import oneLetterPerRole from "./raci/one-letter-per-role.ts";
import responsiblePresent from "./raci/responsible-present.ts";
import roleUnstaffed from "./raci/role-unstaffed.ts";
import singleAccountable from "./raci/single-accountable.ts";
import minimumTeam from "./staffing/minimum-team.ts";
import overAllocation from "./staffing/over-allocation.ts";

export const RULES: readonly Rule[] = [
  singleAccountable,
  responsiblePresent,
  oneLetterPerRole,
  accountableOnePerson,
  roleUnstaffed,
  overAllocation,
  minimumTeam,
];
