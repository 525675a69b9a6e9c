/** Every generated file and its expected content; the tests check that the files on disk match. */
import { RULES } from "../src/analysis/rules/index.ts";
import { modelJsonSchema } from "../src/model/json-schema.ts";
import { renderRuleDoc, renderRuleIndex, ruleDocPath } from "../src/render/rule-doc.ts";

export function generatedFiles(): Map<string, string> {
  const files = new Map<string, string>();
  files.set("schema/mlteam.schema.json", `${JSON.stringify(modelJsonSchema(), null, 2)}\n`);
  files.set("docs/rules/README.md", renderRuleIndex(RULES));
  for (const rule of RULES) {
    files.set(ruleDocPath(rule), renderRuleDoc(rule));
    // A rule merged into another keeps a page, so links to it still lead somewhere.
    for (const old of rule.meta.replaces ?? [])
      files.set(
        `docs/rules/${old}.md`,
        `# ${old}\n\nThis rule is now part of [${rule.id}](../${rule.id}.md). Settings and suppressions that name \`${old}\` apply to it (the doctor says so with a warning); rename them.\n`,
      );
  }
  return files;
}
