/** The people a model declares as each activity's backups (RACI rows' `backup:`), for the truck factor with backups. */
import type { Model } from "../model/model.ts";

/** Activity → the people its RACI rows (general and per product) declare as backups. */
export function declaredBackups(model: Model | undefined): Map<string, string[]> {
  const backups = new Map<string, string[]>();
  for (const row of model?.raci ?? []) {
    const ids = row.backup === undefined ? [] : Array.isArray(row.backup) ? row.backup : [row.backup];
    if (ids.length === 0) continue;
    backups.set(row.activity, [...new Set([...(backups.get(row.activity) ?? []), ...ids])]);
  }
  return backups;
}
