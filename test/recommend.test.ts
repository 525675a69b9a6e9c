import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { checkModel } from "../src/analysis/check-model.ts";
import { NO_ENVIRONMENT } from "../src/analysis/engine.ts";
import { recommend } from "../src/analysis/recommend.ts";
import { RULES } from "../src/analysis/rules/index.ts";
import { CATALOG } from "../src/catalog/index.ts";
import { fsHost } from "../src/io/fs-host.ts";
import { checkText, TODAY } from "./helpers.ts";

const environment = { ...NO_ENVIRONMENT, today: TODAY };

describe("recommend", () => {
  it("explains the topology with the facts and the source", () => {
    const { model, graph } = checkText(
      "organisation: { name: O, stage: mature, mlProducts: 9, topology: full-stack }\n",
    );
    const r = recommend(model, graph, CATALOG, RULES, environment, { hires: 0 });
    assert.equal(r.topology?.topology.id, "embedded");
    assert.equal(r.topology?.declared, "full-stack");
    assert.deepEqual(r.topology?.facts.slice(0, 2), [
      "stage mature (Embedded ML teams with a shared platform suits scaling or mature)",
      "9 ML products (within the 4+ that mlteam takes for it; 001 gives no number)",
    ]);
    assert.match(
      r.topology?.facts[2] ?? "",
      /^001 §3\.3: best for large organisations with many independent products$/,
    );
  });

  it("plans hires greedily, each clearing weighted findings, and stops when none helps", () => {
    const { model, graph } = checkModel("examples/meghan-story", fsHost, { today: TODAY });
    const r = recommend(model, graph, CATALOG, RULES, environment, { hires: 5 });
    assert.ok(r.hires.length >= 2);
    for (const step of r.hires) {
      assert.ok(step.after < step.before, `${step.role} reduces the weighted findings`);
      assert.ok(step.cleared.length + step.eased.length > 0, `${step.role} clears or eases a finding`);
    }
    for (let i = 1; i < r.hires.length; i++) assert.equal(r.hires[i]?.before, r.hires[i - 1]?.after);
    // Meghan's backup first; never a sponsor, an evangelist or a governance stakeholder (named, not hired).
    assert.equal(r.hires[0]?.role, "mlops-engineer");
    for (const step of r.hires)
      assert.ok(
        !["executive-sponsor", "evangelist", "cio", "ciso", "data-governance-officer"].includes(step.role),
      );
  });

  it("names who is closest to a missing competency level", () => {
    const { model, graph } = checkModel("examples/meghan-story", fsHost, { today: TODAY });
    const stats = recommend(model, graph, CATALOG, RULES, environment, { hires: 0 }).upskilling.find(
      (u) => u.competency === "statistics-ml",
    );
    assert.equal(stats?.target, 3);
    assert.deepEqual(stats?.candidates, [{ person: "sofia", name: "Sofia Brandt", level: 2 }]);
  });

  it("recommends nothing to hire for a team with no findings", () => {
    const { model, graph } = checkText("organisation: { name: O, stage: starting }\n");
    const r = recommend(model, graph, CATALOG, [], environment);
    assert.deepEqual(r.hires, []);
    assert.deepEqual(r.upskilling, []);
  });
});
