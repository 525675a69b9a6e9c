/**
 * What a real organisation's model says: openings, contractors, part-time people, leavers,
 * on-call rotations, team handles, and its own `x-*` attributes.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Ajv2020 } from "ajv/dist/2020.js";
import { assessCoverage } from "../src/analysis/coverage.ts";
import { NO_ENVIRONMENT } from "../src/analysis/engine.ts";
import { recommend } from "../src/analysis/recommend.ts";
import { RULES } from "../src/analysis/rules/index.ts";
import { scoreTeam } from "../src/analysis/score.ts";
import { whatIf } from "../src/analysis/whatif.ts";
import { CATALOG } from "../src/catalog/index.ts";
import { modelJsonSchema } from "../src/model/json-schema.ts";
import { parseYaml } from "../src/model/yaml-source.ts";
import { checkText, TODAY } from "./helpers.ts";

const MODEL = `organisation: { name: Acme, stage: scaling, mlProducts: 1, x-cost-centre: CC-42 }
people:
  - { id: ana, name: Ana, roles: [mlops-engineer], x-location: Lisbon }
  - { id: bo, name: Bo, roles: [{ role: data-scientist, allocation: 60 }], capacity: 50 }
  - { id: cy, name: Cy, roles: [data-engineer], employment: contractor }
  - { id: di, name: Di, roles: [ml-engineer], joined: 2024-03-01, leaves: 2026-12-15 }
  - { id: ed, name: Ed, roles: [ml-engineer], leaves: 2026-06-30 }
openings:
  - { id: mle-2027, role: ml-engineer, team: ml, start: 2027-01-15, status: approved }
  - { id: de-later, role: tech-lead }
onCall:
  - { id: platform, team: ml, people: [ana] }
teams:
  - { id: ml, type: full-stack, members: [ana, bo, cy, di, ed], handle: "@acme/ml", x-department: Data }
products: [{ id: churn, team: ml, stage: production }]
raci:
  - { activity: ci-cd-pipeline, R: ana, A: ana }
  - { activity: data-pipeline, R: cy, A: cy }
  - { activity: model-unit-tests, R: ml-engineer, A: ml-engineer }
`;

describe("a real organisation's model", () => {
  const result = checkText(MODEL, RULES);
  const findings = result.doctor?.findings ?? [];
  const of = (rule: string) => findings.filter((f) => f.ruleId === rule);

  it("validates, x-* attributes kept as written and allowed by the JSON Schema", () => {
    assert.deepEqual(
      result.diagnostics.filter((d) => d.severity === "error"),
      [],
    );
    assert.equal((result.model.organisation as Record<string, unknown>)["x-cost-centre"], "CC-42");
    assert.equal((result.model.people[0] as Record<string, unknown>)["x-location"], "Lisbon");
    const parsed = parseYaml("m.yaml", MODEL);
    assert.ok(parsed.ok);
    const validate = new Ajv2020({ strict: false }).compile(modelJsonSchema());
    assert.ok(validate(parsed.value), JSON.stringify(validate.errors));
    assert.equal(
      validate({ organisation: { name: "A", stage: "scaling", costCentre: 1 } }),
      false,
      "other unknown keys stay errors",
    );
    const typo = checkText("people:\n  - { id: a, name: A, nmae: x }\n");
    assert.match(typo.diagnostics[0]?.message ?? "", /unknown field "nmae"/);
  });

  it("does not count a leaver after the day they leave, and warns ahead about one who alone holds a letter", () => {
    assert.ok(!result.graph.people.has("ed"), "Ed left on 2026-06-30");
    assert.ok(result.graph.people.has("di"));
    assert.match(of("staffing/leaver")[0]?.message ?? "", /^Di leaves on 2026-12-15 and is the only one for/);
  });

  it("flags a contractor who alone answers for production-critical work, a rotation of one, and a part-timer over capacity", () => {
    assert.deepEqual(
      of("risk/contractor-accountable").map((f) => f.subject),
      ["data-pipeline"],
    );
    assert.deepEqual(
      of("risk/on-call-rotation").map((f) => f.subject),
      ["platform"],
    );
    assert.match(
      of("staffing/over-allocation")[0]?.message ?? "",
      /^Bo is allocated 60% across data-scientist 60%, working 50% of full time$/,
    );
  });

  it("treats openings as covering nothing yet, says what they will cover, and never as people", () => {
    assert.equal(result.graph.people.size, 4);
    const opening = of("staffing/openings").find((f) => f.subject === "mle-2027");
    assert.match(opening?.message ?? "", /from 2027-01-15/);
    // An opening takes nothing from the score (it is a plan, not a problem): the same model without
    // its openings section scores the same.
    const withoutOpenings = MODEL.replace(/openings:\n(?: {2}- .*\n)+/, "");
    assert.notEqual(withoutOpenings, MODEL);
    const score = (yaml: string) => {
      const r = checkText(yaml, RULES);
      return scoreTeam({
        findings: r.doctor?.findings ?? [],
        rules: r.doctor?.ran ?? [],
        coverage: assessCoverage(r.graph),
      });
    };
    const [withIt, without] = [score(MODEL), score(withoutOpenings)];
    assert.deepEqual(withIt.areas, without.areas);
    assert.equal(withIt.overall, without.overall);
  });

  it("counts an opening as a hire in a what-if from its start, and recommend does not propose its role", () => {
    const environment = { ...NO_ENVIRONMENT, today: TODAY };
    const before = whatIf(result.model, result.graph, CATALOG, RULES, environment, {
      from: "2027-01-01",
      to: "2027-01-31",
    });
    const after = whatIf(result.model, result.graph, CATALOG, RULES, environment, {
      from: "2027-02-01",
      to: "2027-02-28",
    });
    assert.ok("away" in before && "away" in after);
    assert.deepEqual(before.hires, []);
    assert.deepEqual(
      after.hires.map((h) => [h.role, h.opening]),
      [["ml-engineer", "mle-2027"]],
    );
    const plan = recommend(result.model, result.graph, CATALOG, RULES, environment, { hires: 3 });
    assert.ok(!plan.hires.some((h) => h.role === "ml-engineer" || h.role === "tech-lead"));
  });

  it("warns, located, when an allocation looks like a fraction", () => {
    const r = checkText(
      "people:\n  - { id: a, name: A, roles: [{ role: data-scientist, allocation: 0.5 }] }\n",
    );
    assert.deepEqual(
      r.diagnostics.map((d) => `${d.line}:${d.column} ${d.severity} ${d.message}`),
      [
        "2:67 warning people[0].roles[0].allocation: 0.5 looks like a fraction, but allocations are percent — did you mean 50?",
      ],
    );
  });
});
