/** Maps a repository path to the catalog activity it is evidence of, and says why. */
import picomatch from "picomatch";
import { BUILTIN_PATTERNS } from "./patterns.ts";

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
  const all = replace
    ? sets
    : [
        ...sets,
        ...BUILTIN_PATTERNS.map(([activity, patterns]) => ({ activity, patterns, origin: "built-in" })),
      ];
  return all.flatMap((set) =>
    set.patterns.map((pattern) => ({
      activity: set.activity,
      pattern,
      origin: set.origin,
      test: picomatch(pattern, { dot: true }),
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
    .filter((m) => m.test(path))
    .map((m) => ({ activity: m.activity, pattern: m.pattern, origin: m.origin }));
}

/**
 * Builds a classifier: earlier sets win; with `replace`, the model's patterns replace the built-in
 * ones. Consecutive patterns of one activity are tested as one matcher (one regular expression),
 * so a path is tested against a few dozen groups rather than every pattern.
 */
export function makeClassifier(
  sets: readonly PatternSet[],
  options: { replace?: boolean } = {},
): (path: string) => Classification | undefined {
  const matchers = matchersOf(sets, options.replace === true);
  const groups: {
    activity: string;
    origin: string;
    test: (path: string) => boolean;
    members: typeof matchers;
  }[] = [];
  for (const m of matchers) {
    const last = groups.at(-1);
    if (last && last.activity === m.activity && last.origin === m.origin) last.members.push(m);
    else groups.push({ activity: m.activity, origin: m.origin, test: () => false, members: [m] });
  }
  for (const g of groups)
    g.test = picomatch(
      g.members.map((m) => m.pattern),
      { dot: true },
    );
  const cache = new Map<string, Classification | undefined>();
  return (path) => {
    if (cache.has(path)) return cache.get(path);
    const group = groups.find((g) => g.test(path));
    const hit = group?.members.find((m) => m.test(path));
    const result = hit ? { activity: hit.activity, pattern: hit.pattern, origin: hit.origin } : undefined;
    cache.set(path, result);
    return result;
  };
}
