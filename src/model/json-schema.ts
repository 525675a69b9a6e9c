/** The editor JSON Schema, generated from the same definition that validates models. */
import { z } from "zod";
import { modelFileSchema } from "./schema.ts";

/** The JSON Schema (draft 2020-12) of a model file. */
export function modelJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(modelFileSchema, {
    target: "draft-2020-12",
    io: "input",
    unrepresentable: "any",
  });
  return { ...schema, title: "mlteam team model" };
}
