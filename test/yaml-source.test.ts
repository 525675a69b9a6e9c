import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseYaml } from "../src/model/yaml-source.ts";

const text = `# a comment
organisation:
  name: Acme   # trailing comment
  stage: scaling
empty:
people:
  - id: a
    roles:
      - role: x
        allocation: 50
  - { id: b, skills: { etl: 2 }, titles: [one, "two"] }
`;

describe("YAML positions", () => {
  const parsed = parseYaml("m.yaml", text);
  assert.ok(parsed.ok);
  const at = (path: (string | number)[], target?: "key") => parsed.source.locate(path, target);

  it("locates block values and keys", () => {
    assert.deepEqual(at(["organisation", "stage"]), { line: 4, column: 10 });
    assert.deepEqual(at(["organisation", "stage"], "key"), { line: 4, column: 3 });
    assert.deepEqual(at(["people", 0, "roles", 0, "allocation"]), { line: 10, column: 21 });
  });

  it("locates values inside flow collections in a block sequence", () => {
    assert.deepEqual(at(["people", 1]), { line: 11, column: 5 });
    assert.deepEqual(at(["people", 1, "skills", "etl"]), { line: 11, column: 29 });
    assert.deepEqual(at(["people", 1, "skills", "etl"], "key"), { line: 11, column: 24 });
    assert.deepEqual(at(["people", 1, "titles", 1]), { line: 11, column: 48 });
  });

  it("points at the key of an empty value and at the nearest ancestor of a missing one", () => {
    assert.deepEqual(at(["empty"]), { line: 5, column: 1 });
    assert.deepEqual(at(["people", 0, "nope"]), { line: 7, column: 5 });
    assert.deepEqual(at(["people", 7]), { line: 7, column: 3 });
  });

  it("reports syntax errors with line and column instead of throwing", () => {
    const bad = parseYaml("b.yaml", "a: [1, 2\nb: 3\n");
    assert.equal(bad.ok, false);
    if (!bad.ok) assert.deepEqual(bad.position, { line: 2, column: 1 });
  });

  it("reads dates and numbers as the model expects them", () => {
    const dates = parseYaml("d.yaml", "from: 2026-01-02\nn: 08\n");
    assert.ok(dates.ok);
    assert.deepEqual(dates.value, { from: "2026-01-02", n: 8 });
  });
});
