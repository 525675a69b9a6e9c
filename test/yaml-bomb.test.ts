/**
 * YAML alias bombs (the "billion laughs"): a few lines of nested aliases that stand for billions of
 * nodes are refused while parsing, with a located error, wherever YAML is read; a few honest
 * aliases still read as before.
 */
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { parseDocument } from "yaml";
import { importBackstage } from "../src/importers/backstage.ts";
import { mergeIntoModel } from "../src/importers/merge.ts";
import { loadModel } from "../src/model/load.ts";
import { editRaciCell } from "../src/model/raci-edit.ts";
import { parseYaml, YAML_ALIAS_LIMITS, yamlDocumentAliasProblem } from "../src/model/yaml-source.ts";
import { loadOrgConfig } from "../src/org/config.ts";
import { checkText, memoryHost } from "./helpers.ts";

/** Nine levels of nine aliases each: 9^9 (387 million) strings once written out. */
function laughs(indent = "", prefix = ""): string {
  const names = "abcdefghi";
  const lines = [`${indent}${prefix}a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]`];
  for (let i = 1; i < names.length; i++) {
    const alias = `*${names[i - 1]}`;
    lines.push(`${indent}${prefix}${names[i]}: &${names[i]} [${Array(9).fill(alias).join(", ")}]`);
  }
  return `${lines.join("\n")}\n`;
}

const people = Array.from(
  { length: 30 },
  (_, i) =>
    `  - { id: p${i}, name: Person ${i}, roles: [ml-engineer], skills: { python: 3, ml-modelling: 2 } }\n`,
).join("");

/** The 3 KB model: an organisation, the bomb at lines 2–10, then 30 people. */
const BOMB = `organisation: { name: Bomb Org, stage: starting }\n${laughs()}people:\n${people}`;

/**
 * Where the budget runs out: the aliases of b, c, d and e stand for 74,718 nodes; the first alias of
 * f (one e: 66,430 more) crosses 100,000. Line 7 is f's, column 8 its first `*e`.
 */
const CROSSING = { line: 7, column: 8 };
const TOO_MANY = /^aliases expand to more than 100,000 nodes \(a YAML alias bomb\?\); write the values out/;

/** Runs `f`, asserting it took less than `ms` milliseconds (the bomb took minutes and gigabytes). */
function quickly<T>(f: () => T, ms = 2000): T {
  const start = performance.now();
  const result = f();
  const took = performance.now() - start;
  assert.ok(took < ms, `took ${Math.round(took)} ms`);
  return result;
}

describe("YAML alias bombs", () => {
  it("the billion-laughs model is about 3 KB and the budget is the documented one", () => {
    assert.ok(BOMB.length > 2500 && BOMB.length < 4000, `${BOMB.length} characters`);
    assert.deepEqual(YAML_ALIAS_LIMITS, { nodes: 100_000, characters: 1_000_000 });
  });

  it("validate: a located error diagnostic, quickly, and no rules run", () => {
    const result = quickly(() => checkText(BOMB));
    assert.equal(result.diagnostics.length, 1, JSON.stringify(result.diagnostics));
    const [d] = result.diagnostics;
    assert.equal(d?.file, "mlteam.yaml");
    assert.equal(d?.severity, "error");
    assert.equal(d?.code, "yaml-syntax");
    assert.deepEqual({ line: d?.line, column: d?.column }, CROSSING);
    assert.match(d?.message ?? "", TOO_MANY);
    assert.equal(result.doctor, undefined);
  });

  it("loadModel: the same diagnostic, also for a bomb under x- keys and in an included file", () => {
    const direct = quickly(() => loadModel("mlteam.yaml", memoryHost({ "mlteam.yaml": BOMB })));
    assert.deepEqual(
      direct.diagnostics.map((d) => [d.file, d.line, d.column, d.code]),
      [["mlteam.yaml", 7, 8, "yaml-syntax"]],
    );
    const extension = `organisation: { name: X, stage: starting }\n${laughs("", "x-")}`;
    const hidden = quickly(() => loadModel("m.yaml", memoryHost({ "m.yaml": extension })));
    assert.deepEqual(
      hidden.diagnostics.map((d) => [d.line, d.column]),
      [[7, 10]],
    );
    assert.match(hidden.diagnostics[0]?.message ?? "", TOO_MANY);
    const included = quickly(() =>
      loadModel(
        "mlteam.yaml",
        memoryHost({
          "mlteam.yaml": "organisation: { name: X, stage: starting }\ninclude: [more.yaml]\n",
          "more.yaml": `x-team:\n${laughs("  ")}`,
        }),
      ),
    );
    assert.deepEqual(
      included.diagnostics.map((d) => [d.file, d.line, d.column, d.code]),
      [["more.yaml", 7, 10, "yaml-syntax"]],
    );
  });

  it("a long text aliased many times is refused on its characters", () => {
    const long = "x".repeat(100_000);
    const text = `organisation: { name: X, stage: starting }\nx-note: &note "${long}"\nx-copies: [${Array(11).fill("*note").join(", ")}]\n`;
    const result = quickly(() => loadModel("m.yaml", memoryHost({ "m.yaml": text })));
    assert.equal(result.diagnostics.length, 1);
    assert.deepEqual([result.diagnostics[0]?.line, result.diagnostics[0]?.column], [3, 12 + 10 * 7]);
    assert.match(
      result.diagnostics[0]?.message ?? "",
      /^aliases expand to more than 1,000,000 characters of text \(a YAML alias bomb\?\)/,
    );
  });

  it("a recursive alias is a located error, not a stack overflow", () => {
    for (const [text, line, column] of [
      ["organisation: { name: X, stage: starting }\nx-loop: &loop [1, *loop]\n", 2, 19],
      ["organisation: { name: X, stage: starting }\nx-loop: &loop\n  again: *loop\n", 3, 10],
    ] as const) {
      const result = loadModel("m.yaml", memoryHost({ "m.yaml": text }));
      assert.deepEqual(
        result.diagnostics.map((d) => [d.line, d.column, d.code]),
        [[line, column, "yaml-syntax"]],
      );
      assert.match(result.diagnostics[0]?.message ?? "", /recursive alias/);
      assert.match(yamlDocumentAliasProblem(parseDocument(text), text)?.message ?? "", /recursive alias/);
    }
  });

  it("the budget is exact: as many alias nodes as the limit pass, one more does not", () => {
    // 20,000 aliases of a list of four (5 nodes each) are the budget; one more alias of a number is past it.
    const aliases = (extra: string) =>
      `x-one: &one 1\nx-four: &four [1, 1, 1, 1]\nx-many: [${Array(YAML_ALIAS_LIMITS.nodes / 5)
        .fill("*four")
        .join(",")}${extra}]\n`;
    const fits = aliases("");
    const over = aliases(",*one");
    assert.ok(parseYaml("m.yaml", fits).ok);
    assert.equal(yamlDocumentAliasProblem(parseDocument(fits), fits), undefined);
    const refused = parseYaml("m.yaml", over);
    assert.ok(!refused.ok);
    const at = { line: 3, column: 10 + 6 * (YAML_ALIAS_LIMITS.nodes / 5) };
    assert.deepEqual(refused.position, at);
    const problem = yamlDocumentAliasProblem(parseDocument(over), over);
    assert.deepEqual(problem && { line: problem.line, column: problem.column }, at);
  });

  it("the organisation file: a located diagnostic", () => {
    const dir = mkdtempSync(join(tmpdir(), "mlteam-bomb-"));
    after(() => rmSync(dir, { recursive: true, force: true }));
    const file = join(dir, "mlteam-org.yaml");
    writeFileSync(file, `name: Acme\nsources:\n  - repo: one\n${laughs("", "x-")}`);
    const result = quickly(() => loadOrgConfig(file));
    assert.ok(!result.ok);
    assert.deepEqual(
      result.diagnostics.map((d) => [d.file, d.line, d.column, d.code]),
      [[file, 9, 10, "yaml-syntax"]],
    );
    assert.match(result.diagnostics[0]?.message ?? "", TOO_MANY);
  });

  it("the Backstage importer: an error naming file, line and column", () => {
    const catalog = `apiVersion: backstage.io/v1alpha1
kind: User
metadata:
  name: ana
${laughs("  ", "x-")}spec:
  profile: { displayName: Ana }
`;
    const error = quickly(() => {
      try {
        importBackstage(catalog, { path: "catalog-info.yaml" });
      } catch (e) {
        return e as Error;
      }
      return undefined;
    });
    assert.match(
      error?.message ?? "",
      /^catalog-info\.yaml:10:12: aliases expand to more than 100,000 nodes/,
    );
  });

  it("the Backstage importer: one budget for all the documents of a file", () => {
    // Eleven documents, each a tenth of the budget alone (1,000 aliases of a list of 9: 10,000 nodes).
    const doc = (i: number) =>
      `kind: User\nmetadata: { name: u${i} }\nx-nine: &nine [1, 1, 1, 1, 1, 1, 1, 1, 1]\nx-many: [${Array(1_000).fill("*nine").join(",")}]\n`;
    const catalog = Array.from({ length: 11 }, (_, i) => doc(i)).join("---\n");
    assert.doesNotThrow(() => importBackstage(doc(0), { path: "c.yaml" }));
    // The tenth document's aliases reach 100,000; the first alias of the eleventh (line 54) crosses it.
    assert.throws(
      () => importBackstage(catalog, { path: "c.yaml" }),
      /^Error: c\.yaml:54:10: aliases expand/,
    );
  });

  it("merging an import and editing the RACI refuse a bomb, located", () => {
    const nothing = { people: [], teams: [], raci: [], notes: [] };
    assert.throws(
      () => mergeIntoModel(BOMB, nothing),
      /^Error: line 7, column 8: aliases expand to more than/,
    );
    assert.throws(
      () => editRaciCell(BOMB, undefined, { activity: "x", column: "ml-engineer", letters: ["R"] }),
      /^Error: line 7, column 8: aliases expand to more than/,
    );
  });
});

describe("honest aliases", () => {
  /** A shared skills map, anchored on the first person and aliased by five more. */
  const shared = (skills: (i: number) => string) =>
    `organisation: { name: Acme, stage: scaling }
people:
${Array.from({ length: 6 }, (_, i) => `  - { id: p${i}, name: Person ${i}, roles: [ml-engineer], skills: ${skills(i)} }`).join("\n")}
teams:
  - { id: ml, type: product, members: [p0, p1, p2, p3, p4, p5] }
`;
  const MAP = "{ statistics-ml: 3, etl: 2, data-pipelines: 1 }";
  const aliased = shared((i) => (i === 0 ? `&skills ${MAP}` : "*skills"));
  const written = shared(() => MAP);

  it("read as the same values as the model written out", () => {
    const a = parseYaml("m.yaml", aliased);
    const w = parseYaml("m.yaml", written);
    assert.ok(a.ok && w.ok);
    assert.deepEqual(a.value, w.value);
  });

  it("validate and check as before: same diagnostics, same findings", () => {
    const a = checkText(aliased);
    const w = checkText(written);
    assert.deepEqual(a.diagnostics, w.diagnostics);
    assert.deepEqual(a.model.people, w.model.people);
    const summary = (r: typeof a) =>
      (r.doctor?.findings ?? []).map((f) => [f.ruleId, f.message, f.subject, f.location.line]);
    assert.deepEqual(summary(a), summary(w));
  });

  it("the yaml-package readers accept them and write them out", () => {
    assert.equal(yamlDocumentAliasProblem(parseDocument(aliased), aliased), undefined);
    const merged = mergeIntoModel(aliased, {
      people: [{ id: "p1", name: "Again" }],
      teams: [],
      raci: [],
      notes: [],
    });
    // The people (whose skills are aliases) are read, so p1 is known.
    assert.deepEqual(merged.skipped, ["person p1 (already in the model)"]);
    const imported = importBackstage(`kind: Group
metadata: { name: ml, annotations: &notes { owner: ana } }
spec: { type: team, children: [], x-copy: *notes }
---
kind: User
metadata: { name: ana }
spec: { memberOf: [ml] }
`);
    assert.deepEqual(
      imported.people.map((p) => p.id),
      ["ana"],
    );
  });
});
