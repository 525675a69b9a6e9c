import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { rankAbsences } from "../src/analysis/absence-rank.ts";
import { checkModel } from "../src/analysis/check-model.ts";
import { NO_ENVIRONMENT, runRules } from "../src/analysis/engine.ts";
import { peopleWith } from "../src/analysis/facts.ts";
import { RULES } from "../src/analysis/rules/index.ts";
import { scenarioProblems, type WhatIfResult, whatIf } from "../src/analysis/whatif.ts";
import { CATALOG } from "../src/catalog/index.ts";
import { resolveTeam } from "../src/graph/resolve.ts";
import type { TeamGraph } from "../src/graph/types.ts";
import { fsHost } from "../src/io/fs-host.ts";
import { TODAY } from "./helpers.ts";

const environment = { ...NO_ENVIRONMENT, today: TODAY };
const meghan = checkModel("examples/meghan-story", fsHost, { today: TODAY });
const { model, graph } = meghan;

function run(scenario: Parameters<typeof whatIf>[5]): WhatIfResult {
  const result = whatIf(model, graph, CATALOG, RULES, environment, scenario);
  assert.ok("away" in result, JSON.stringify(result));
  return result;
}

/** How many RACI letters (R or A per row) have at least one person. */
function coverage(g: TeamGraph): number {
  return g.raci.reduce(
    (sum, e) => sum + (peopleWith(e, ["R"]).size > 0 ? 1 : 0) + (peopleWith(e, ["A"]).size > 0 ? 1 : 0),
    0,
  );
}

describe("what-if", () => {
  it("without Meghan: her activities lose their R and A, competencies go and the score drops", () => {
    const r = run({ without: ["meghan"] });
    assert.deepEqual(r.away, [{ id: "meghan", name: "Meghan Doyle", why: "asked" }]);
    assert.deepEqual(
      r.lostCoverage.map((l) => `${l.activity}:${l.letters.join("")}`),
      [
        "docker-packaging:RA",
        "ci-cd-pipeline:RA",
        "k8s-deployment:RA",
        "monitoring-setup:R",
        "data-pipeline:RA",
        "retraining-triggers:A",
      ],
    );
    assert.ok(
      r.competenciesLost.some((c) => c.competency === "containerization" && c.before === 4 && c.after === 0),
    );
    assert.ok(r.after.overall < r.before.overall);
    assert.ok(
      r.appeared.some(
        (f) =>
          f.ruleId === "risk/single-point-of-failure" &&
          f.severity === "error" &&
          /has nobody/.test(f.message),
      ),
    );
    assert.ok(r.disappeared.some((f) => f.ruleId === "staffing/over-allocation"));
  });

  it("counts declared absences in a period", () => {
    const r = run({ from: "2026-12-24", to: "2026-12-26" });
    assert.deepEqual(r.away, [{ id: "meghan", name: "Meghan Doyle", why: "declared absence" }]);
    assert.deepEqual(run({ from: "2026-02-01", to: "2026-02-02" }).away, []);
  });

  it("a hire for the missing lead clears the minimum-team finding", () => {
    const r = run({ add: ["tech-lead"] });
    assert.deepEqual(r.hires, [{ id: "hire-1-tech-lead", role: "tech-lead" }]);
    assert.ok(r.disappeared.some((f) => f.ruleId === "leadership/tech-lead"));
    assert.ok(r.after.overall >= r.before.overall);
  });

  it("rejects unknown people and roles, and bad periods, with suggestions", () => {
    assert.deepEqual(
      scenarioProblems(graph, { without: ["megan"], add: ["mlops"], from: "2026-12-31", to: "2026-12-01" }),
      [
        'unknown person "megan" — did you mean "meghan"?',
        'unknown role "mlops" — did you mean "mlops-engineer"?',
        "the period ends (2026-12-01) before it starts (2026-12-31)",
      ],
    );
    assert.deepEqual(scenarioProblems(graph, { from: "2026-12-01" }), ["--from and --to go together"]);
  });

  it("with nobody away and no hire equals the doctor", () => {
    const r = run({});
    assert.deepEqual(r.appeared, []);
    assert.deepEqual(r.disappeared, []);
    assert.deepEqual(r.changed, []);
    assert.deepEqual(r.after, r.before);
    assert.deepEqual(runRules(graph, RULES, environment).findings, meghan.doctor?.findings);
  });

  it("ranks Meghan first, with her reasons", () => {
    const [first, second] = rankAbsences(graph);
    assert.equal(first?.person, "meghan");
    assert.ok((first?.damage ?? 0) > (second?.damage ?? 0));
    assert.match(first?.reasons[0]?.text ?? "", /loses its R and A \(production-critical\)/);
  });

  it("removing people never increases coverage (property)", () => {
    const ids = [...graph.people.keys()];
    fc.assert(
      fc.property(fc.subarray(ids), (away) => {
        const after = resolveTeam(model, CATALOG, { absent: new Set(away) }).graph;
        assert.ok(coverage(after) <= coverage(graph));
      }),
    );
  });

  it("adding a role holder never removes coverage (property)", () => {
    const roles = [...graph.roles.keys()];
    fc.assert(
      fc.property(fc.subarray(roles, { maxLength: 4 }), (add) => {
        const r = whatIf(model, graph, CATALOG, RULES, environment, { add });
        assert.ok("away" in r);
        assert.deepEqual(r.lostCoverage, []);
      }),
      { numRuns: 30 },
    );
  });
});
