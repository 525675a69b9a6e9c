/**
 * The use case behind `mlteam evidence --explain <path>`: which activity a file path is evidence of,
 * and why — the winning pattern and those it beat — with the model's patterns, and, for each repository
 * the model lists with patterns of its own, that repository's answer (its patterns first).
 */
import { explainClassification, leftOutOfBuiltIns } from "../evidence/classify.ts";
import { modelRepositories } from "../evidence/model-repositories.ts";
import type { Model } from "../model/model.ts";

export type PathExplanation = {
  /** The repository whose own patterns came first; null for the model's (or the built-in) patterns alone. */
  repository: string | null;
  matches: ReturnType<typeof explainClassification>;
  /** Generated or vendored by the built-in rules: no built-in pattern counts the file (the model's still do). */
  leftOut?: "generated" | "vendored";
};

export function explainEvidencePath(model: Model | undefined, path: string): PathExplanation[] {
  const settings = model?.evidence?.settings;
  const modelSets = Object.entries(settings?.patterns ?? {}).map(([activity, patterns]) => ({
    activity,
    patterns,
    origin: "model",
  }));
  const replace = settings?.replacePatterns === true;
  const leftOut = replace ? undefined : leftOutOfBuiltIns(path);
  return [
    {
      repository: null,
      matches: explainClassification(modelSets, path, { replace }),
      ...(leftOut ? { leftOut } : {}),
    },
    ...modelRepositories(model)
      .filter((spec) => Object.keys(spec.patterns ?? {}).length > 0)
      .map((spec) => ({
        repository: spec.path,
        matches: explainClassification(
          [
            ...Object.entries(spec.patterns ?? {}).map(([activity, patterns]) => ({
              activity,
              patterns,
              origin: "repository",
            })),
            ...modelSets,
          ],
          path,
          { replace },
        ),
        ...(leftOut ? { leftOut } : {}),
      })),
  ];
}
