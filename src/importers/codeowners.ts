/**
 * CODEOWNERS → proposed RACI rows: each pattern is mapped to an activity through the evidence
 * classifier (the built-in and the model's path patterns), and its owners, matched to people by
 * their `handle`, are proposed as Responsible. The rows are proposals: someone should choose the
 * Accountable and review them.
 */
import { parse } from "codeowners-utils";
import type { Classification } from "../evidence/classify.ts";
import type { Person, RaciRow } from "../model/schema.ts";
import type { Imported } from "./types.ts";

/** A concrete path that a CODEOWNERS pattern matches, to classify it. */
export function samplePath(pattern: string): string {
  let path = pattern.replace(/^\//, "");
  if (path.endsWith("/")) path += "x";
  path = path
    .replace(/\*\*/g, "x")
    .replace(/\*/g, "x")
    .replace(/\?/g, "x")
    .replace(/\[[^\]]*\]/g, "x");
  return /\/$/.test(path) ? `${path}x` : path;
}

export function importCodeowners(
  text: string,
  people: readonly Person[],
  classify: (path: string) => Classification | undefined,
): Imported {
  const byHandle = new Map<string, string>();
  for (const p of people) if (p.handle) byHandle.set(p.handle.replace(/^@/, "").toLowerCase(), p.id);
  const notes: string[] = [];
  const owners = new Map<string, Set<string>>();
  for (const entry of parse(text).reverse()) {
    const hit = classify(samplePath(entry.pattern)) ?? classify(`${samplePath(entry.pattern)}/x`);
    if (!hit) {
      notes.push(`${entry.pattern}: matches no activity's patterns; not proposed`);
      continue;
    }
    const set = owners.get(hit.activity) ?? new Set<string>();
    for (const owner of entry.owners) {
      const person = byHandle.get(owner.replace(/^@/, "").toLowerCase());
      if (person) set.add(person);
      else notes.push(`${entry.pattern}: owner ${owner} is no person's handle in the model`);
    }
    owners.set(hit.activity, set);
  }
  const raci: RaciRow[] = [];
  for (const [activity, set] of owners) {
    if (set.size === 0) continue;
    raci.push({ activity, R: [...set], note: "proposed from CODEOWNERS: choose the Accountable and review" });
  }
  return { people: [], teams: [], raci, notes };
}
