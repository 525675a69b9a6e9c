/** Every built-in rule, in the order the doctor runs and documents them. */
import type { Rule } from "../rule.ts";
import inactiveKnowledge from "./evidence/inactive-knowledge.ts";
import missingFiles from "./evidence/missing-files.ts";
import responsibleInactive from "./evidence/responsible-inactive.ts";
import truckFactorOne from "./evidence/truck-factor-one.ts";
import undeclaredAuthor from "./evidence/undeclared-author.ts";
import aiLiteracy from "./governance/ai-literacy.ts";
import competenceActions from "./governance/competence-actions.ts";
import humanOversight from "./governance/human-oversight.ts";
import oversightAbsence from "./governance/oversight-absence.ts";
import oversightSeparation from "./governance/oversight-separation.ts";
import qmsAccountable from "./governance/qms-accountable.ts";
import responsibilitiesAcknowledged from "./governance/responsibilities-acknowledged.ts";
import reviewAge from "./governance/review-age.ts";
import sponsorAcceptsRisk from "./governance/sponsor-accepts-risk.ts";
import governanceStakeholders from "./governance/stakeholders.ts";
import thirdPartyAccountable from "./governance/third-party-accountable.ts";
import systemDocs from "./knowledge/system-docs.ts";
import evangelist from "./leadership/evangelist.ts";
import executiveSponsor from "./leadership/executive-sponsor.ts";
import linkingPins from "./leadership/linking-pins.ts";
import middleManagement from "./leadership/middle-management.ts";
import techLead from "./leadership/tech-lead.ts";
import accountableOnePerson from "./raci/accountable-one-person.ts";
import crowdedRow from "./raci/crowded-row.ts";
import essentialActivityMissing from "./raci/essential-activity-missing.ts";
import oneLetterPerRole from "./raci/one-letter-per-role.ts";
import productConsistency from "./raci/product-consistency.ts";
import responsiblePresent from "./raci/responsible-present.ts";
import roleOverload from "./raci/role-overload.ts";
import roleUnstaffed from "./raci/role-unstaffed.ts";
import singleAccountable from "./raci/single-accountable.ts";
import unprovenBackup from "./raci/unproven-backup.ts";
import absenceCoverage from "./risk/absence-coverage.ts";
import contractorAccountable from "./risk/contractor-accountable.ts";
import onCallKnowledge from "./risk/on-call-knowledge.ts";
import onCallRotation from "./risk/on-call-rotation.ts";
import singleExpert from "./risk/single-expert.ts";
import singlePointOfFailure from "./risk/single-point-of-failure.ts";
import activityGap from "./skills/activity-gap.ts";
import belowRoleLevel from "./skills/below-role-level.ts";
import notAssessed from "./skills/not-assessed.ts";
import conflictingHats from "./staffing/conflicting-hats.ts";
import growthPath from "./staffing/growth-path.ts";
import leaver from "./staffing/leaver.ts";
import minimumTeam from "./staffing/minimum-team.ts";
import openings from "./staffing/openings.ts";
import overAllocation from "./staffing/over-allocation.ts";
import requiredRoles from "./staffing/required-roles.ts";
import teamSize from "./staffing/team-size.ts";
import tooManyHats from "./staffing/too-many-hats.ts";
import topologyFit from "./topology/fit.ts";
import idlePlatform from "./topology/idle-platform.ts";
import organisationReferences from "./topology/organisation-references.ts";
import platformCoverage from "./topology/platform-coverage.ts";

export const RULES: readonly Rule[] = [
  singleAccountable,
  responsiblePresent,
  oneLetterPerRole,
  accountableOnePerson,
  roleUnstaffed,
  crowdedRow,
  roleOverload,
  essentialActivityMissing,
  productConsistency,
  unprovenBackup,
  overAllocation,
  minimumTeam,
  tooManyHats,
  conflictingHats,
  teamSize,
  requiredRoles,
  growthPath,
  leaver,
  openings,
  singlePointOfFailure,
  singleExpert,
  absenceCoverage,
  contractorAccountable,
  onCallKnowledge,
  onCallRotation,
  executiveSponsor,
  evangelist,
  techLead,
  linkingPins,
  middleManagement,
  governanceStakeholders,
  reviewAge,
  humanOversight,
  oversightAbsence,
  oversightSeparation,
  aiLiteracy,
  responsibilitiesAcknowledged,
  competenceActions,
  thirdPartyAccountable,
  qmsAccountable,
  sponsorAcceptsRisk,
  belowRoleLevel,
  activityGap,
  notAssessed,
  topologyFit,
  platformCoverage,
  idlePlatform,
  organisationReferences,
  systemDocs,
  responsibleInactive,
  undeclaredAuthor,
  truckFactorOne,
  inactiveKnowledge,
  missingFiles,
];
