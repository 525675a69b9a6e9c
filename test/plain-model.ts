/** A loaded model as plain data, for comparing models field by field (round-trip tests). */
import type { Model } from "../src/model/model.ts";

const LISTS = [
  "people",
  "openings",
  "onCall",
  "units",
  "teams",
  "products",
  "stakeholders",
  "raci",
  "roles",
  "activities",
  "competencies",
  "suppress",
] as const;

/** A model as plain data: every section the schema has. */
export function plainModel(model: Model): Record<string, unknown> {
  const data: Record<string, unknown> = {
    organisation: model.organisation,
    rules: model.rules,
    evidence: model.evidence?.settings,
  };
  for (const key of LISTS) data[key] = model[key];
  return JSON.parse(JSON.stringify(data)) as Record<string, unknown>;
}
