/** The repositories a model lists under `evidence.repositories`. */
import { posix } from "node:path";
import type { Model } from "../model/model.ts";

export interface RepositorySpec {
  path: string;
  branch?: string | undefined;
  patterns?: Record<string, string[]> | undefined;
  filter?: "all" | "code" | undefined;
  /** A JSON file of exported pull-request reviews (path resolved like `path`). */
  reviews?: string | undefined;
}

/** The repositories the model lists, with paths resolved against the file that lists them. */
export function modelRepositories(model: Model | undefined): RepositorySpec[] {
  const evidence = model?.evidence;
  if (!evidence) return [];
  const dir = posix.dirname(evidence.file);
  const resolve = (path: string) => (posix.isAbsolute(path) ? path : posix.join(dir, path));
  return (evidence.settings.repositories ?? []).map((r) => ({
    ...r,
    path: resolve(r.path),
    ...(r.reviews !== undefined ? { reviews: resolve(r.reviews) } : {}),
  }));
}
