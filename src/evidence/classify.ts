/** Maps a repository path to the catalog activity it is evidence of, and says why. */

import { BUILTIN_PATTERNS } from "../catalog/activity-paths.ts";
import { alternation, globRegExp } from "./globs.ts";

export interface Classification {
  activity: string;
  pattern: string;
  /** "built-in", "model" or "repository". */
  origin: string;
}

export interface PatternSet {
  activity: string;
  patterns: readonly string[];
  origin: string;
}

/** Every pattern in precedence order: the given sets first, then (unless `replace`) the built-in ones. */
function matchersOf(sets: readonly PatternSet[], replace: boolean) {
  const all = replace ? sets : [...sets, ...builtInSets()];
  return all.flatMap((set) =>
    set.patterns.map((pattern) => ({
      activity: set.activity,
      pattern,
      origin: set.origin,
      regex: globRegExp(pattern),
    })),
  );
}

/** Every pattern that matches `path`, in precedence order: the first wins, the others lose to it. */
export function explainClassification(
  sets: readonly PatternSet[],
  path: string,
  options: { replace?: boolean } = {},
): Classification[] {
  return matchersOf(sets, options.replace === true)
    .filter((m) => m.regex.test(path))
    .map((m) => ({ activity: m.activity, pattern: m.pattern, origin: m.origin }));
}

/**
 * Builds a classifier: earlier sets win; with `replace`, the model's patterns replace the built-in
 * ones. Consecutive patterns of one activity are tested as one regular expression (their
 * alternation), compiled the first time a path reaches them; only the winning group's patterns are
 * then tested one by one, to name the pattern.
 */
export type Classifier = (path: string) => Classification | undefined;

export function makeClassifier(sets: readonly PatternSet[], options: { replace?: boolean } = {}): Classifier {
  const all = options.replace === true ? sets : [...sets, ...builtInSets()];
  const groups: { activity: string; origin: string; patterns: string[]; regex?: RegExp; each?: RegExp[] }[] =
    [];
  for (const set of all) {
    if (set.patterns.length === 0) continue;
    const last = groups.at(-1);
    if (last && last.activity === set.activity && last.origin === set.origin)
      last.patterns.push(...set.patterns);
    else groups.push({ activity: set.activity, origin: set.origin, patterns: [...set.patterns] });
  }
  const cache = new Map<string, Classification | undefined>();
  return (path) => {
    if (cache.has(path)) return cache.get(path);
    let result: Classification | undefined;
    for (const group of groups) {
      if (!group.each) {
        group.each = group.patterns.map((pattern) => globRegExp(pattern));
        group.regex = alternation(group.each);
      }
      if (!group.regex?.test(path)) continue;
      const index = group.each.findIndex((r) => r.test(path));
      result = { activity: group.activity, pattern: group.patterns[index] as string, origin: group.origin };
      break;
    }
    cache.set(path, result);
    return result;
  };
}

const builtInSets = (): PatternSet[] =>
  BUILTIN_PATTERNS.map(([activity, patterns]) => ({ activity, patterns, origin: "built-in" }));
