/**
 * The governance assignments a model records, as stable keys — who oversees which system, who is
 * Accountable for which row, who holds which role and what training is on record — so that their
 * history ("since when") can be read across versions of the model. Pure.
 */
import type { Model } from "../model/model.ts";

const refs = (value: string | string[] | undefined) =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

export const oversightKey = (product: string, person: string) => `oversight:${product}:${person}`;
export const accountableKey = (activity: string, product: string | undefined, ref: string) =>
  `A:${activity}:${product ?? "*"}:${ref.replace(/^person:/, "")}`;
export const roleKey = (person: string, role: string) => `role:${person}:${role}`;

export function assignmentKeys(model: Pick<Model, "products" | "raci" | "people">): Set<string> {
  const keys = new Set<string>();
  for (const product of model.products)
    for (const person of product.oversight ?? []) keys.add(oversightKey(product.id, person));
  for (const row of model.raci)
    for (const ref of refs(row.A)) keys.add(accountableKey(row.activity, row.product, ref));
  for (const person of model.people)
    for (const r of person.roles ?? []) keys.add(roleKey(person.id, typeof r === "string" ? r : r.role));
  return keys;
}

/** Since when each key has held without a break, over versions oldest first. */
export function sinceWhen<V extends { commit: string; date: string }>(
  versions: readonly { version: V; keys: ReadonlySet<string> }[],
): Map<string, { commit: string; date: string }> {
  const since = new Map<string, { commit: string; date: string }>();
  for (const { version, keys } of versions) {
    for (const key of [...since.keys()]) if (!keys.has(key)) since.delete(key);
    for (const key of keys)
      if (!since.has(key)) since.set(key, { commit: version.commit, date: version.date.slice(0, 10) });
  }
  return since;
}
