/** Every generated file and its expected content; the tests check that the files on disk match. */
import { RULES } from "../src/analysis/rules/index.ts";
import { modelJsonSchema } from "../src/model/json-schema.ts";
import { renderRuleDoc, renderRuleIndex, ruleDocPath } from "../src/render/rule-doc.ts";

export function generatedFiles(): Map<string, string> {
  const files = new Map<string, string>();
  files.set("schema/mlteam.schema.json", `${JSON.stringify(modelJsonSchema(), null, 2)}\n`);
  files.set("docs/rules/README.md", renderRuleIndex(RULES));
  for (const rule of RULES) files.set(ruleDocPath(rule), renderRuleDoc(rule));
  return files;
}
