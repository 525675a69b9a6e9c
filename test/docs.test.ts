import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { it } from "node:test";
import { modelJsonSchema } from "../src/model/json-schema.ts";

const ROOT = join(import.meta.dirname, "..");

/** Every property name anywhere in the JSON Schema. */
function fieldNames(schema: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(schema)) for (const s of schema) fieldNames(s, out);
  else if (schema && typeof schema === "object") {
    for (const [key, value] of Object.entries(schema)) {
      if (key === "properties" && value && typeof value === "object")
        for (const name of Object.keys(value)) out.add(name);
      fieldNames(value, out);
    }
  }
  return out;
}

it("documents every field of the model in docs/model.md", () => {
  const doc = readFileSync(join(ROOT, "docs", "model.md"), "utf8");
  for (const field of fieldNames(modelJsonSchema()))
    assert.ok(doc.includes(`\`${field}\``), `docs/model.md mentions \`${field}\``);
});

it("has no broken relative links in the README and docs", () => {
  for (const file of [
    "README.md",
    "CONTRIBUTING.md",
    "docs/model.md",
    "docs/architecture.md",
    "docs/catalog.md",
    "docs/rules/README.md",
  ]) {
    const text = readFileSync(join(ROOT, file), "utf8");
    for (const [, target] of text.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)) {
      if (!target || /^[a-z]+:/.test(target)) continue;
      assert.ok(existsSync(join(ROOT, dirname(file), target)), `${file} links to ${target}`);
    }
  }
});
