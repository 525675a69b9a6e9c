import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { it } from "node:test";
import { generatedFiles } from "../scripts/generated-files.ts";

it("keeps the generated JSON Schema and rule docs current (run `npm run gen` when this fails)", async () => {
  for (const [path, expected] of generatedFiles()) {
    let actual = "";
    try {
      actual = readFileSync(join(import.meta.dirname, "..", path), "utf8");
    } catch {
      assert.fail(`${path} is missing: run npm run gen`);
    }
    assert.equal(actual, expected, `${path} is stale: run npm run gen`);
  }
  // And no page of a rule that no longer exists.
  const { readdirSync } = await import("node:fs");
  const generated = new Set(generatedFiles().keys());
  for (const area of readdirSync(join(import.meta.dirname, "..", "docs", "rules"), { withFileTypes: true })) {
    if (!area.isDirectory()) continue;
    for (const page of readdirSync(join(import.meta.dirname, "..", "docs", "rules", area.name)))
      assert.ok(
        generated.has(`docs/rules/${area.name}/${page}`),
        `docs/rules/${area.name}/${page} is not generated`,
      );
  }
});

it("lets an editor check every bundled example against the shipped JSON Schema", async () => {
  const { Ajv2020 } = await import("ajv/dist/2020.js");
  const { readdirSync } = await import("node:fs");
  const { parseYaml } = await import("../src/model/yaml-source.ts");
  const schema = JSON.parse(
    readFileSync(join(import.meta.dirname, "..", "schema", "mlteam.schema.json"), "utf8"),
  );
  const validate = new Ajv2020({ strict: false, allErrors: true }).compile(schema);
  const examples = join(import.meta.dirname, "..", "examples");
  let checked = 0;
  for (const dir of readdirSync(examples)) {
    const parsed = parseYaml("mlteam.yaml", readFileSync(join(examples, dir, "mlteam.yaml"), "utf8"));
    assert.ok(parsed.ok);
    assert.ok(validate(parsed.value), `${dir}: ${JSON.stringify(validate.errors)}`);
    checked++;
  }
  assert.ok(checked >= 6);
  assert.equal(validate({ organisation: { name: "O", stage: "scalin" } }), false, "a wrong stage is flagged");
  assert.equal(
    validate({ people: [{ id: "a", name: "A", nmae: "x" }] }),
    false,
    "an unknown field is flagged",
  );
});
