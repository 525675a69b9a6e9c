import { dirname, join } from "node:path";
import type { Model } from "../model/model.ts";

/** Where the evidence store lives: `.mlteam/evidence.db` beside the model (or in the current directory). */
export function storePath(model: Model | undefined): string {
  const file = model?.files[0];
  return join(file ? dirname(file) : ".", ".mlteam", "evidence.db");
}
