/** Merges the model's custom roles, activities and competencies into the built-in catalog. */
import type { ActivityDef, Catalog, CompetencyDef, RoleDef } from "../catalog/index.ts";
import type { Model } from "../model/model.ts";

const CUSTOM = "the model";

export interface EffectiveCatalog {
  roles: Map<string, RoleDef>;
  activities: Map<string, ActivityDef>;
  competencies: Map<string, CompetencyDef>;
}

/** Custom entries with a catalog id override the fields they set; new ids extend the catalog. */
export function mergeCatalog(catalog: Catalog, model: Model): EffectiveCatalog {
  const roles = new Map(catalog.roles.map((r) => [r.id, r]));
  for (const custom of model.roles) {
    const base = roles.get(custom.id);
    roles.set(custom.id, {
      category: "engineering" as RoleDef["category"],
      focus: "",
      responsibilities: [],
      tools: [],
      deliverables: [],
      competencies: {},
      projectOnly: false,
      commitment: false,
      aliases: [],
      source: CUSTOM,
      name: custom.id,
      ...base,
      ...(definedFields(custom) as Partial<RoleDef>),
      id: custom.id,
    });
  }
  const activities = new Map(catalog.activities.map((a) => [a.id, a]));
  for (const custom of model.activities) {
    const base = activities.get(custom.id);
    activities.set(custom.id, {
      area: "custom",
      description: "",
      competencies: {},
      productionCritical: false,
      raci: { R: [], A: "", C: [], I: [] },
      source: CUSTOM,
      name: custom.id,
      ...base,
      ...(definedFields(custom) as Partial<ActivityDef>),
      id: custom.id,
    } as ActivityDef);
  }
  const competencies = new Map(catalog.competencies.map((c) => [c.id, c]));
  for (const custom of model.competencies) {
    const base = competencies.get(custom.id);
    competencies.set(custom.id, {
      group: "custom",
      description: "",
      tools: [],
      source: CUSTOM,
      name: custom.id,
      ...base,
      ...(definedFields(custom) as Partial<CompetencyDef>),
      id: custom.id,
    });
  }
  return { roles, activities, competencies };
}

function definedFields(value: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));
}
