/** Every organisation-wide rule, in the order they are documented. */
import accountableAcrossTeams from "./accountable-across-teams.ts";
import identityConflict from "./identity-conflict.ts";
import invalid from "./invalid.ts";
import missingRoles from "./missing-roles.ts";
import noSponsor from "./no-sponsor.ts";
import overAllocated from "./over-allocated.ts";
import type { OrgRule } from "./rule.ts";
import singlePointOfFailure from "./shared-single-point-of-failure.ts";
import stale from "./stale.ts";
import unservedProductTeam from "./unserved-product-team.ts";

export const ORG_RULES: readonly OrgRule[] = [
  overAllocated,
  accountableAcrossTeams,
  singlePointOfFailure,
  unservedProductTeam,
  noSponsor,
  missingRoles,
  identityConflict,
  stale,
  invalid,
];
