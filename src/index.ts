/** mlteam as a library: load and check a team model, read the catalog, run the rules. */

export { rankAbsences } from "./analysis/absence-rank.ts";
export type { CheckOptions, CheckResult } from "./analysis/check-model.ts";
export { checkModel } from "./analysis/check-model.ts";
export type { DoctorResult } from "./analysis/engine.ts";
export { runRules } from "./analysis/engine.ts";
export { raciMatrix } from "./analysis/raci-matrix.ts";
export { recommend } from "./analysis/recommend.ts";
export type { Finding, Rule, RuleContext, Severity } from "./analysis/rule.ts";
export { defineRule } from "./analysis/rule.ts";
export { RULES } from "./analysis/rules/index.ts";
export { scoreTeam } from "./analysis/score.ts";
export { whatIf } from "./analysis/whatif.ts";
export { CATALOG, roleForTitle, roleSuggestedByTitle } from "./catalog/index.ts";
export { collectEvidence } from "./evidence/collect.ts";
export type { EvidenceReport } from "./evidence/measures.ts";
export { mineRepository } from "./evidence/mine.ts";
export { resolveTeam } from "./graph/resolve.ts";
export type { TeamGraph } from "./graph/types.ts";
export { fsHost } from "./io/fs-host.ts";
export type { Diagnostic } from "./model/diagnostic.ts";
export type { ModelHost } from "./model/load.ts";
export { loadModel } from "./model/load.ts";
export type { Model } from "./model/model.ts";
export { modelFileSchema } from "./model/schema.ts";
export type { EvidenceStore } from "./store/evidence-store.ts";
export { openSqliteStore } from "./store/sqlite.ts";
