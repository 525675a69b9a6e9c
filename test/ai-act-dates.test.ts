/**
 * The EU AI Act's dates: the catalog holds each obligation's date with its source, and the
 * governance rules of eu-ai-act grade their findings by it — info until 180 days before, a warning
 * until the date, an error from it on — per product, by its annex (Annex III when it has none).
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { checkModel } from "../src/analysis/check-model.ts";
import type { Finding, Rule } from "../src/analysis/rule.ts";
import {
  daysBetween,
  NOTICE_DAYS,
  severityOnDate,
} from "../src/analysis/rules/governance/application-dates.ts";
import humanOversight from "../src/analysis/rules/governance/human-oversight.ts";
import oversightSeparation from "../src/analysis/rules/governance/oversight-separation.ts";
import sponsorAcceptsRisk from "../src/analysis/rules/governance/sponsor-accepts-risk.ts";
import { RULES } from "../src/analysis/rules/index.ts";
import { AI_ACT_OBLIGATIONS, DEFAULT_ANNEX } from "../src/catalog/ai-act-dates.ts";
import { memoryHost } from "../src/model/memory-host.ts";

const model = (
  annex: string,
  frameworks = "[eu-ai-act]",
) => `organisation: { name: O, stage: scaling, frameworks: ${frameworks} }
people:
  - { id: ana, name: Ana, roles: [ml-engineer] }
  - { id: bo, name: Bo, roles: [tech-lead] }
teams: [{ id: t, type: product, members: [ana, bo] }]
products:
  - { id: scoring, team: t, stage: production, risk: high${annex}, operator: provider, oversight: [ana] }
  - { id: chat, team: t, stage: production, risk: high, operator: deployer }
raci:
  - { activity: model-training-code, R: ana, A: bo }
`;

function findings(yaml: string, rule: Rule, today: string): Finding[] {
  const result = checkModel("mlteam.yaml", memoryHost({ "mlteam.yaml": yaml }), { today, rules: [rule] });
  assert.deepEqual(result.diagnostics, [], "the case itself must be a valid model");
  return result.doctor?.findings ?? [];
}

/** The severity of each finding of `rule`, by subject, on `today`. */
const severities = (yaml: string, rule: Rule, today: string) =>
  Object.fromEntries(findings(yaml, rule, today).map((f) => [f.subject, f.severity]));

describe("the EU AI Act's dates", () => {
  it("are catalog data, each with its source", () => {
    assert.equal(AI_ACT_OBLIGATIONS["ai-literacy"].applies, "2025-08-02");
    assert.equal(AI_ACT_OBLIGATIONS["high-risk-annex-iii"].applies, "2027-12-02");
    assert.equal(AI_ACT_OBLIGATIONS["high-risk-annex-i"].applies, "2028-08-02");
    assert.match(AI_ACT_OBLIGATIONS["ai-literacy"].source, /2024\/1689 \(the AI Act\) Art\. 113/);
    for (const id of ["high-risk-annex-iii", "high-risk-annex-i"] as const)
      assert.match(AI_ACT_OBLIGATIONS[id].source, /Digital Omnibus on AI/);
    assert.equal(DEFAULT_ANNEX, "III");
  });

  it("turn info into a warning 180 days before the date, and into an error on it", () => {
    assert.equal(NOTICE_DAYS, 180);
    assert.equal(daysBetween("2027-06-05", "2027-12-02"), 180);
    assert.equal(severityOnDate("2027-06-04", "2027-12-02"), "info");
    assert.equal(severityOnDate("2027-06-05", "2027-12-02"), "warn");
    assert.equal(severityOnDate("2027-12-01", "2027-12-02"), "warn");
    assert.equal(severityOnDate("2027-12-02", "2027-12-02"), "error");
    assert.equal(severityOnDate("2029-01-01", "2027-12-02"), "error");
  });

  it("grade a rule's findings per product, by its annex", () => {
    // scoring is Annex I (2028-08-02); chat records no annex and is taken as Annex III (2027-12-02).
    const yaml = model(", annex: I");
    assert.deepEqual(severities(yaml, humanOversight, "2026-11-22"), { "scoring:ana": "info", chat: "info" });
    assert.deepEqual(severities(yaml, humanOversight, "2027-06-05"), { "scoring:ana": "info", chat: "warn" });
    assert.deepEqual(severities(yaml, humanOversight, "2027-12-02"), {
      "scoring:ana": "info",
      chat: "error",
    });
    assert.deepEqual(severities(yaml, humanOversight, "2028-02-04"), {
      "scoring:ana": "warn",
      chat: "error",
    });
    assert.deepEqual(severities(yaml, humanOversight, "2028-08-02"), {
      "scoring:ana": "error",
      chat: "error",
    });
    const messages = Object.fromEntries(
      findings(yaml, humanOversight, "2027-12-02").map((f) => [f.subject, f.message]),
    );
    assert.match(
      messages["scoring:ana"] ?? "",
      /^Ana oversees the high-risk AI system scoring .* — applies from 2028-08-02 \(Annex I\)$/,
    );
    assert.match(
      messages.chat ?? "",
      /^the high-risk AI system chat has no human oversight .* — applies since 2027-12-02 \(no `annex` recorded: taken as Annex III, the earlier date\)$/,
    );
  });

  it("never grade below the rule's own severity while a framework without dates is on too", () => {
    const yaml = model(", annex: III");
    assert.deepEqual(severities(yaml, oversightSeparation, "2026-11-22"), { scoring: "info" });
    const both = model(", annex: III", "[eu-ai-act, iso-42001]");
    assert.deepEqual(severities(both, oversightSeparation, "2026-11-22"), { scoring: "warn" });
    assert.deepEqual(severities(both, oversightSeparation, "2027-12-02"), { scoring: "error" });
    const iso = model(", annex: III", "[iso-42001]");
    const [alone] = findings(iso, oversightSeparation, "2027-12-02");
    assert.equal(alone?.severity, "warn");
    assert.doesNotMatch(alone?.message ?? "", /applies/, "no EU AI Act date without eu-ai-act");
  });

  it("leave the model's own severity setting in charge", () => {
    const yaml = `${model(", annex: III")}rules:\n  governance/human-oversight: warn\n`;
    assert.deepEqual(severities(yaml, humanOversight, "2026-11-22"), { chat: "warn", "scoring:ana": "warn" });
    assert.deepEqual(severities(yaml, humanOversight, "2028-01-01"), { chat: "warn", "scoring:ana": "warn" });
  });

  it("grade Art. 9(5) by the earliest high-risk system, and as info when none is high-risk", () => {
    const yaml = model(", annex: I").replace(
      "raci:\n",
      "raci:\n  - { activity: ai-risk-acceptance, R: bo, A: bo }\n",
    );
    assert.deepEqual(severities(yaml, sponsorAcceptsRisk, "2027-12-02"), { "ai-risk-acceptance": "error" });
    const none = yaml.replaceAll("risk: high", "risk: limited");
    const [finding] = findings(none, sponsorAcceptsRisk, "2027-12-02");
    assert.equal(finding?.severity, "info");
    assert.match(finding?.message ?? "", /binds high-risk systems only, and the model rates none high-risk$/);
  });

  it("are declared by every rule of eu-ai-act, so its documentation states them", () => {
    for (const rule of RULES.filter((r) => r.meta.frameworks?.includes("eu-ai-act"))) {
      assert.ok(rule.meta.dated?.length, `${rule.id} names the dates that grade it`);
      for (const id of rule.meta.dated ?? []) assert.ok(AI_ACT_OBLIGATIONS[id], `${rule.id}: ${id}`);
    }
  });
});
