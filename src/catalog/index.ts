/**
 * The built-in MLOps catalog: roles, activities, competencies, topologies, the growth path and
 * stakeholder kinds, each entry citing its source document.
 */
import { ACTIVITIES, AI_GOVERNANCE_ACTIVITIES } from "./activities.ts";
import { COMPETENCIES } from "./competencies.ts";
import { ROLES } from "./roles.ts";
import { SOURCES } from "./sources.ts";
import { STAKEHOLDER_KINDS } from "./stakeholders.ts";
import { GROWTH_PATH, TOPOLOGIES } from "./topologies.ts";
import type {
  ActivityDef,
  CompetencyDef,
  GrowthStep,
  RoleDef,
  SourceDoc,
  StakeholderKindDef,
  TopologyDef,
} from "./types.ts";

export { RACI_001_ACTIVITIES } from "./activities.ts";
export type * from "./types.ts";

export interface Catalog {
  roles: readonly RoleDef[];
  activities: readonly ActivityDef[];
  competencies: readonly CompetencyDef[];
  topologies: readonly TopologyDef[];
  growthPath: readonly GrowthStep[];
  stakeholderKinds: readonly StakeholderKindDef[];
  sources: readonly SourceDoc[];
}

export const CATALOG: Catalog = {
  roles: ROLES,
  activities: [...ACTIVITIES, ...AI_GOVERNANCE_ACTIVITIES],
  competencies: COMPETENCIES,
  topologies: TOPOLOGIES,
  growthPath: GROWTH_PATH,
  stakeholderKinds: STAKEHOLDER_KINDS,
  sources: SOURCES,
};

/** Normalises a job title for alias lookup: lower case, single spaces, no punctuation at the ends. */
export function normaliseTitle(title: string): string {
  return title
    .toLowerCase()
    .replace(/[\s_]+/g, " ")
    .replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, "");
}

/** Words and marks of seniority or grade that do not change what a role is ("Senior", "Sr.", "II", "L5"). */
const GRADE =
  /\b(?:senior|sr|junior|jr|staff|principal|associate|intern|trainee|graduate|i{1,3}|iv|v|l\d|\d)\b/g;
/** Common abbreviations in job titles. */
const ABBREVIATIONS: [RegExp, string][] = [
  [/\beng\b/g, "engineer"],
  [/\bengr\b/g, "engineer"],
  [/\bmgr\b/g, "manager"],
  [/\bmngr\b/g, "manager"],
  [/\bdev\b/g, "developer"],
  [/\bsci\b/g, "scientist"],
  [/\bmachine learning\b/g, "ml"],
];

/** A title with grades dropped and abbreviations spelled out: "Sr. ML Eng. II" → "ml engineer". */
export function titleStem(title: string): string {
  let t = normaliseTitle(title).replace(/[.,()/|-]+/g, " ");
  for (const [pattern, full] of ABBREVIATIONS) t = t.replace(pattern, full);
  return t.replace(GRADE, " ").replace(/\s+/g, " ").trim();
}

/**
 * The role a job title suggests for someone with no recorded roles: that of `roleForTitle`, unless
 * it is a commitment (executive sponsor, evangelist), which only a recorded entry stands for.
 */
export function roleSuggestedByTitle(roles: readonly RoleDef[], title: string): string | undefined {
  const role = roleForTitle(roles, title);
  return role !== undefined && roles.find((r) => r.id === role)?.commitment ? undefined : role;
}

/**
 * Maps a job title to a role id through the roles' aliases, then their names; failing that, the
 * same with the grade dropped and abbreviations spelled out ("Sr. MLOps Eng." → mlops-engineer).
 * @example roleForTitle(CATALOG.roles, "Analytics Translator") // "outside-to-inside"
 */
export function roleForTitle(roles: readonly RoleDef[], title: string): string | undefined {
  const byKey = (key: string) =>
    roles.find((r) => r.aliases.includes(key))?.id ??
    roles.find((r) => normaliseTitle(r.name) === key || r.id === key.replace(/ /g, "-"))?.id;
  const exact = byKey(normaliseTitle(title));
  if (exact) return exact;
  const stem = titleStem(title);
  return stem
    ? (byKey(stem) ?? roles.find((r) => r.aliases.some((a) => titleStem(a) === stem))?.id)
    : undefined;
}
