/** Maps a repository path to the catalog activity it is evidence of, and says why. */

import { BUILTIN_PATTERNS } from "../catalog/activity-paths.ts";
import type { Marked } from "./attributes.ts";
import { generatedOrVendored } from "./file-filter.ts";
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

/**
 * Every pattern that matches `path`, in precedence order: the first wins, the others lose to it.
 * A generated or vendored file matches no built-in pattern ({@link leftOutOfBuiltIns} says why).
 */
export function explainClassification(
  sets: readonly PatternSet[],
  path: string,
  options: { replace?: boolean; marks?: Marks } = {},
): Classification[] {
  const leftOut = leftOutOfBuiltIns(path, options.marks) !== undefined;
  return matchersOf(sets, options.replace === true)
    .filter((m) => m.regex.test(path) && !(leftOut && m.origin === "built-in"))
    .map((m) => ({ activity: m.activity, pattern: m.pattern, origin: m.origin }));
}

/** What a repository's own attributes say of a path (src/evidence/attributes.ts). */
export type Marks = (path: string) => Marked | false | undefined;

/**
 * Whether the built-in patterns leave `path` out: generated or vendored, as the repository's
 * attributes say (`marks`; `-linguist-generated` takes a file back) or else as the built-in rules
 * of src/evidence/file-filter.ts judge. A model's or a repository's own patterns still count it.
 */
export function leftOutOfBuiltIns(path: string, marks?: Marks): Marked | undefined {
  const said = marks?.(path);
  return said === false ? undefined : (said ?? generatedOrVendored(path));
}

/**
 * Builds a classifier: earlier sets win; with `replace`, the model's patterns replace the built-in
 * ones, and a generated or vendored file wins no built-in pattern ({@link leftOutOfBuiltIns};
 * `marks` is asked at each call, so a repository's attributes read later still count).
 * Consecutive patterns of one activity are tested as one regular expression (their alternation),
 * compiled the first time a path reaches them; only the winning group's patterns are then tested
 * one by one, to name the pattern.
 */
export type Classifier = (path: string) => Classification | undefined;

export function makeClassifier(
  sets: readonly PatternSet[],
  options: { replace?: boolean; marks?: Marks } = {},
): Classifier {
  const byPatterns = patternClassifier(sets, options.replace === true);
  return (path) => {
    const found = byPatterns(path);
    return found?.origin === "built-in" && leftOutOfBuiltIns(path, options.marks) ? undefined : found;
  };
}

/** The first matching pattern's classification, remembered per path. */
function patternClassifier(sets: readonly PatternSet[], replace: boolean): Classifier {
  const all = replace ? sets : [...sets, ...builtInSets()];
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
