/** Times each phase of a check (parse, schema, resolve, rules) on one model: `node --import tsx bench/doctor/phases.ts <model>`. */
import { readFileSync } from "node:fs";
import yaml from "js-yaml";
import { runRules } from "../../src/analysis/engine.ts";
import { RULES } from "../../src/analysis/rules/index.ts";
import { CATALOG } from "../../src/catalog/index.ts";
import { resolveTeam } from "../../src/graph/resolve.ts";
import { fsHost } from "../../src/io/fs-host.ts";
import { loadModel } from "../../src/model/load.ts";
import { modelFileSchema } from "../../src/model/schema.ts";
import { parseYaml } from "../../src/model/yaml-source.ts";

const file = process.argv[2] as string;
const text = readFileSync(file, "utf8");
const time = <T>(label: string, f: () => T): T => {
  const start = performance.now();
  const value = f();
  console.log(`${label.padEnd(28)} ${(performance.now() - start).toFixed(0)} ms`);
  return value;
};
time("js-yaml alone", () => yaml.load(text, { schema: yaml.CORE_SCHEMA }));
const parsed = time("parse with positions", () => parseYaml(file, text));
if (parsed.ok) time("schema", () => modelFileSchema.safeParse(parsed.value));
const loaded = time("load (read+parse+schema)", () => loadModel(file, fsHost));
const { graph } = time("resolve", () => resolveTeam(loaded.model, CATALOG));
const result = time("rules", () => runRules(graph, RULES));
console.log(`${result.findings.length} findings`);
