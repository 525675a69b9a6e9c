/** Recorded facts win: a job title suggests a role only to someone with no `roles:`, and never a commitment. */
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import conflictingHats from "../src/analysis/rules/staffing/conflicting-hats.ts";
import { checkTeam } from "../src/app/check-team.ts";
import { checkVersion } from "../src/app/history.ts";
import { sitePages } from "../src/render/docs-site/pages.ts";
import { renderScoreExplanation } from "../src/render/score-text.ts";
import { createApp } from "../src/server/app.ts";
import { checkText, memoryHost, TODAY } from "./helpers.ts";

const CAROLINE = (roles: string) =>
  `people:\n  - { id: caroline, name: Caroline, titles: [Chief Data Officer]${roles} }\n  - { id: ana, name: Ana, roles: [data-scientist] }\n`;

describe("roles from job titles", () => {
  it("a title never makes an executive sponsor", () => {
    for (const roles of ["", ", roles: []", ", roles: [data-scientist]"]) {
      const result = checkText(CAROLINE(roles));
      assert.deepEqual(result.diagnostics, []);
      const ids = (result.doctor?.findings ?? []).map((f) => f.ruleId);
      assert.ok(ids.includes("leadership/executive-sponsor"), `${roles}: ${ids.join(", ")}`);
      assert.deepEqual(result.graph.people.get("caroline")?.titleRoles, []);
      assert.equal(result.graph.holders.get("executive-sponsor"), undefined);
    }
  });

  it("a recorded sponsor role is kept", () => {
    const ids = (checkText(CAROLINE(", roles: [executive-sponsor]")).doctor?.findings ?? []).map(
      (f) => f.ruleId,
    );
    assert.ok(!ids.includes("leadership/executive-sponsor"));
  });

  it("titles add nothing to recorded roles: no conflicting-roles warning", () => {
    const result = checkText(
      "people:\n  - { id: p, name: Pia, titles: [Product Manager, Fraud], roles: [inside-to-outside] }\n",
      [conflictingHats],
    );
    assert.deepEqual(result.doctor?.findings, []);
    assert.deepEqual(result.graph.people.get("p")?.titleRoles, []);
  });

  it("someone with no roles still gets one from the title, said to come from it", () => {
    const result = checkText("people:\n  - { id: m, name: Mo, titles: [ML Engineer] }\n");
    assert.deepEqual(result.graph.people.get("m")?.titleRoles, ["ml-engineer"]);
    assert.deepEqual(result.graph.people.get("m")?.titleMatches, [
      { title: "ML Engineer", role: "ml-engineer" },
    ]);
    assert.deepEqual(result.graph.holders.get("ml-engineer"), ["m"]);
    const conflict = checkText(
      "people:\n  - { id: paul, name: Paul, titles: [Program Manager, Product Owner] }\n",
      [conflictingHats],
    );
    assert.match(conflict.doctor?.findings[0]?.message ?? "", /from title "Program Manager"/);
  });

  it("doctor --explain lists the title matches it used", async () => {
    const explain = async (people: string) => {
      const files = { "mlteam.yaml": `organisation: { name: Org, stage: starting }\npeople:\n${people}` };
      const check = await checkTeam("mlteam.yaml", {
        host: memoryHost(files),
        today: TODAY,
        evidence: "never",
      });
      assert.ok(check.score);
      return renderScoreExplanation(check.score, undefined, check.graph);
    };
    const text = await explain("  - { id: m, name: Mo, titles: [ML Engineer] }\n");
    assert.match(text, /Roles from titles/);
    assert.match(text, /Mo \(m\): "ML Engineer" → ml-engineer/);
    assert.doesNotMatch(
      await explain("  - { id: m, name: Mo, roles: [ml-engineer] }\n"),
      /Roles from titles/,
    );
  });

  it("the history shows the sponsor finding appear when the recorded role goes and the title stays", async () => {
    const org = "organisation: { name: Org, stage: starting }\n";
    const before = await checkVersion(
      "mlteam.yaml",
      { "mlteam.yaml": org + CAROLINE(", roles: [executive-sponsor]") },
      TODAY,
    );
    const after = await checkVersion("mlteam.yaml", { "mlteam.yaml": org + CAROLINE("") }, TODAY);
    assert.ok(!before.findings.some((f) => f.startsWith("leadership/executive-sponsor|")));
    assert.ok(after.findings.some((f) => f.startsWith("leadership/executive-sponsor|")));
  });

  it("the People view and the docs site say a role comes from a title", async () => {
    const yaml =
      "organisation: { name: Org, stage: starting }\npeople:\n  - { id: m, name: Mo, titles: [ML Engineer] }\n  - { id: c, name: Caroline, titles: [Chief Data Officer], roles: [] }\n";
    const dir = mkdtempSync(join(tmpdir(), "mlteam-titles-"));
    try {
      writeFileSync(join(dir, "mlteam.yaml"), yaml);
      const app = createApp({ modelPath: join(dir, "mlteam.yaml"), today: () => TODAY });
      const view = (await (await app.request("/api/model")).json()) as {
        people: { id: string; roles: { role: string; allocation: number; fromTitle?: string }[] }[];
      };
      assert.deepEqual(view.people.find((p) => p.id === "m")?.roles, [
        { role: "ml-engineer", allocation: 0, fromTitle: "ML Engineer" },
      ]);
      assert.deepEqual(view.people.find((p) => p.id === "c")?.roles, []);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const check = await checkTeam("mlteam.yaml", {
      host: memoryHost({ "mlteam.yaml": yaml }),
      today: TODAY,
      evidence: "never",
    });
    assert.ok(check.score);
    const pages = sitePages({
      graph: check.graph,
      findings: check.doctor?.findings ?? [],
      score: check.score,
    });
    assert.match(
      pages.find((p) => p.path === "people/m.md")?.markdown ?? "",
      /ml-engineer.*from title "ML Engineer"/,
    );
  });

  it("a title never makes an Accountable", () => {
    const result = checkText(
      "people:\n  - { id: p, name: Po, titles: [Product Owner] }\n  - { id: q, name: Qi, roles: [data-scientist] }\nraci:\n  - { activity: define-business-problem, R: p, A: inside-to-outside }\n",
    );
    assert.deepEqual(result.diagnostics, []);
    const cells = result.graph.raci[0]?.cells ?? [];
    assert.deepEqual(cells.find((c) => c.letter === "A")?.people, []);
    assert.deepEqual(result.graph.holders.get("inside-to-outside"), ["p"]);
  });
});
