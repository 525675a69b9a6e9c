import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { it } from "node:test";
import AjvDraft04 from "ajv-draft-04";
import { checkModel } from "../src/analysis/check-model.ts";
import { assessCoverage } from "../src/analysis/coverage.ts";
import { RULES } from "../src/analysis/rules/index.ts";
import { scoreTeam } from "../src/analysis/score.ts";
import { fsHost } from "../src/io/fs-host.ts";
import { renderFindingsSarif } from "../src/render/findings-sarif.ts";
import { TODAY } from "./helpers.ts";

/** The part of a SARIF log the assertions read. */
interface SarifLog {
  runs: {
    tool: { driver: { rules: { id: string }[] } };
    results: {
      ruleId: string;
      ruleIndex: number;
      level: string;
      locations: { physicalLocation: unknown }[];
    }[];
  }[];
}

const schema = JSON.parse(
  readFileSync(join(import.meta.dirname, "fixtures", "sarif-schema-2.1.0.json"), "utf8"),
);

it("writes SARIF 2.1.0 that the official schema accepts, pointing into the YAML", () => {
  const checked = checkModel("examples/meghan-story", fsHost, { today: TODAY });
  assert.ok(checked.doctor);
  const sarif = renderFindingsSarif(
    {
      result: checked.doctor,
      score: scoreTeam({
        findings: checked.doctor.findings,
        rules: checked.doctor.ran,
        coverage: assessCoverage(checked.graph),
      }),
      diagnostics: [],
      rules: RULES,
      title: "x",
    },
    "0.1.0",
  );
  const log = JSON.parse(sarif) as SarifLog;
  const validate = new AjvDraft04.default({ strict: false, allErrors: true }).compile(schema);
  assert.ok(validate(log), JSON.stringify(validate.errors, null, 1));
  const run = log.runs[0];
  assert.equal(run?.tool.driver.rules.length, RULES.length);
  assert.equal(run?.results.length, checked.doctor.findings.length);
  const sponsor = run?.results.find((r) => r.ruleId === "leadership/executive-sponsor");
  assert.equal(sponsor?.level, "error");
  assert.deepEqual(sponsor?.locations[0]?.physicalLocation, {
    artifactLocation: { uri: "examples/meghan-story/mlteam.yaml" },
    region: { startLine: 8, startColumn: 3 },
  });
  assert.equal(run?.tool.driver.rules[sponsor?.ruleIndex ?? -1]?.id, "leadership/executive-sponsor");
  // Governance rules carry their clauses, as tags code scanning can filter on.
  const oversight = (
    (run?.tool.driver.rules ?? []) as { id: string; properties: { tags: string[]; clauses?: string[] } }[]
  ).find((r) => r.id === "governance/human-oversight");
  assert.deepEqual(oversight?.properties.clauses, ["EU AI Act Art. 26(2)", "EU AI Act Art. 14(4)"]);
  assert.ok(oversight?.properties.tags.includes("eu-ai-act/art-26-2"));
  // …and as SARIF taxonomies the rules relate to, as a rule relates to the CWE it checks.
  const taxonomies = (
    log as unknown as { runs: { taxonomies: { name: string; taxa: { id: string }[] }[] }[] }
  ).runs[0]?.taxonomies;
  assert.deepEqual(
    taxonomies?.map((t) => t.name),
    ["EU AI Act", "ISO/IEC 42001", "NIST AI RMF"],
  );
  assert.ok(taxonomies?.[0]?.taxa.some((t) => t.id === "eu-ai-act/art-26-2"));
  const related = (
    oversight as unknown as { relationships: { target: { id: string; toolComponent: { name: string } } }[] }
  ).relationships;
  assert.deepEqual(related[0]?.target, { id: "eu-ai-act/art-26-2", toolComponent: { name: "EU AI Act" } });
  assert.equal(
    validate({ version: "2.1.0", runs: [{ tool: {} }] }),
    false,
    "the schema does reject a broken log",
  );
});
