/** The repositories a model lists under `evidence.repositories`. */
import { posix } from "node:path";
import type { Model } from "../model/model.ts";

export interface RepositorySpec {
  path: string;
  branch?: string | undefined;
  patterns?: Record<string, string[]> | undefined;
  filter?: "all" | "code" | undefined;
}

/** The repositories the model lists, with paths resolved against the file that lists them. */
export function modelRepositories(model: Model | undefined): RepositorySpec[] {
  const evidence = model?.evidence;
  if (!evidence) return [];
  const dir = posix.dirname(evidence.file);
  return (evidence.settings.repositories ?? []).map((r) => ({
    ...r,
    path: posix.isAbsolute(r.path) ? r.path : posix.join(dir, r.path),
  }));
}
