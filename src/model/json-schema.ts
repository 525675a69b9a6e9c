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
  return { ...(allowExtensions(schema) as object), title: "mlteam team model" };
}

/** Every closed mapping also accepts `x-*` keys (an organisation's own attributes), as the loader does. */
function allowExtensions(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(allowExtensions);
  if (!node || typeof node !== "object") return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) out[key] = allowExtensions(value);
  if (out.type === "object" && out.additionalProperties === false)
    out.patternProperties = { "^x-": {}, ...(out.patternProperties as object | undefined) };
  return out;
}
